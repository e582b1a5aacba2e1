import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate, IsListOf } from '../event-validators';

/**
 * What must be ready before a measure ends (docs/domain.md §10.3 MeasureEndSaga): the
 * statement, the plan for the next step, and the transition meeting.
 */
export const MEASURE_END_CHECKLIST_ITEMS = [
  'STATEMENT',
  'NEXT_STEP_PLAN',
  'TRANSITION_MEETING',
] as const;

/** One of {@link MEASURE_END_CHECKLIST_ITEMS}. */
export type MeasureEndChecklistItem = (typeof MEASURE_END_CHECKLIST_ITEMS)[number];

/** How many days before the planned end the reminders come by default. */
export const DEFAULT_MEASURE_ENDING_REMINDER_DAYS = [30, 14, 7] as const;

/** One item of the checklist and whether it is done. */
export class MeasureEndChecklistEntry {
  @FieldDoc('The item: the statement, the plan for the next step, or the transition meeting.')
  @IsIn(MEASURE_END_CHECKLIST_ITEMS)
  readonly item!: MeasureEndChecklistItem;

  @FieldDoc('True when the item is done.')
  @IsBoolean()
  readonly done!: boolean;
}

/** Payload of MeasureEndingSoon v1: a measure ends soon, with what is still to do. */
export class MeasureEndingSoonPayload {
  @FieldDoc('The measure, as in MeasureStarted.')
  @IsUUID()
  readonly measureId!: string;

  @FieldDoc('The measure’s planned last day, as in MeasureStarted.')
  @IsIsoDate()
  readonly plannedEndDate!: string;

  @FieldDoc(
    'How many calendar days before the planned end this reminder comes (30, 14 and 7 by default).',
  )
  @IsInt()
  @Min(1)
  @Max(90)
  readonly daysBefore!: number;

  @FieldDoc('The checklist before the end, each item once, with whether it is done.')
  @IsListOf(() => MeasureEndChecklistEntry)
  @ArrayNotEmpty()
  @ArrayMaxSize(MEASURE_END_CHECKLIST_ITEMS.length)
  // An entry without an item stands for itself here; its own rules report it.
  @ArrayUnique(
    (entry: unknown) => (entry as Partial<MeasureEndChecklistEntry> | null)?.item ?? entry,
    { message: '$property must not name an item twice' },
  )
  readonly checklist!: MeasureEndChecklistEntry[];
}

/** A measure's planned end approaches (docs/domain.md §10.2 S3, §10.3 MeasureEndSaga). */
export const MEASURE_ENDING_SOON_V1 = defineEvent({
  subject: 'polku.transitions.measure.measure-ending-soon.v1',
  type: 'MeasureEndingSoon',
  version: 1,
  dataClass: 'PATH',
  payloadClass: MeasureEndingSoonPayload,
  summary:
    'A measure’s planned end is near; the reminder carries the checklist (statement, plan for the next step, transition meeting) and what of it is done.',
  emittedBy: 'transitions (system timer), 30, 14 and 7 days before the planned end by default.',
});
