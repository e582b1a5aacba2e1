import { tearDownTestInfrastructure } from './test-infrastructure';

export default tearDownTestInfrastructure;
