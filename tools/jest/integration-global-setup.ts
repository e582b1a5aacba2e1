import { setUpTestInfrastructure } from './test-infrastructure';

export default setUpTestInfrastructure;
