import { IsIn, IsOptional } from 'class-validator';
import {
  DESTINATION_CATEGORIES,
  DESTINATION_GROUPS,
  DESTINATION_SUB_TYPES,
  IsCategoryOfGroup,
  IsSubTypeOfCategory,
  type DestinationCategory,
  type DestinationGroup,
  type DestinationSubType,
} from '../events/shared/exit-destination';
import { FieldDoc } from '../field-doc.decorator';

/** A destination from the taxonomy (docs/domain.md §3.7), with the same rules as ExitDestination. */
export class ExitDestinationInput {
  @FieldDoc('The destination group.', { example: 'LABOUR_MARKET' })
  @IsIn(DESTINATION_GROUPS)
  group!: DestinationGroup;

  @FieldDoc('A category of the group.', { example: 'SUPPORTED_EMPLOYMENT' })
  @IsIn(DESTINATION_CATEGORIES)
  @IsCategoryOfGroup()
  category!: DestinationCategory;

  @FieldDoc(
    'For STUDIES the form of study, for SUPPORTED_EMPLOYMENT the form of support; absent otherwise.',
    // The three examples make one destination of Table 7 (docs/domain.md §3.7) together.
    { example: 'PAY_SUBSIDISED_WORK' },
  )
  @IsOptional()
  @IsIn(DESTINATION_SUB_TYPES)
  @IsSubTypeOfCategory()
  subType?: DestinationSubType;
}
