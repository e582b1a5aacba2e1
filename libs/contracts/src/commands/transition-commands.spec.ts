import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AcceptHandoffCommand,
  AnnounceFundingEndingCommand,
  ChangeResponsibleWorkerCommand,
  ClosePathCommand,
  CompleteFollowUpCommand,
  CompleteHandoffCommand,
  DeclineHandoffCommand,
  ExitPathCommand,
  ProposeHandoffCommand,
  StartWaitingCommand,
  TRANSITION_COMMANDS,
} from '.';

// The gateway's pipe options; an error on the body itself (no property) is named `(body)`.
function errorsOf(type: new () => object, body: object): string[] {
  return validateSync(plainToInstance(type, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  }).map((error) => error.property ?? '(body)');
}

const PROPOSAL = {
  destination: { group: 'LABOUR_MARKET', category: 'SUPPORTED_EMPLOYMENT', subType: 'WORK_TRIAL' },
  receivingOrgId: '5f601582-9dac-45d6-8df4-05162738495a',
  proposedDate: '2027-08-02',
  fromMeasureId: '0a1bc03d-4e5d-4081-9eaf-b0c1d2e3f405',
  rationaleCategory: 'CLIENT_READY_FOR_MORE',
  proposedBy: 'WORKER',
};

const EXIT = {
  destination: { group: 'OUTSIDE_LABOUR_MARKET', category: 'STUDIES' },
  confirmed: false,
  exitDate: '2027-07-30',
};

const FOLLOW_UP = {
  statusNow: 'CHANGED',
  destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
  contactMode: 'PHONE',
  helpGiven: ['JOB_APPLICATIONS'],
  confirmsDestination: true,
};

const VALID_BODIES: ReadonlyArray<readonly [new () => object, object]> = [
  [ProposeHandoffCommand, PROPOSAL],
  [AcceptHandoffCommand, { startDate: '2027-08-02' }],
  [DeclineHandoffCommand, { reasonCategory: 'NO_CAPACITY', alternativeCategory: 'LATER_START' }],
  [CompleteHandoffCommand, { newMeasureId: '60712693-aebd-46e7-9e05-16273849a56b' }],
  [CompleteHandoffCommand, {}],
  [ExitPathCommand, EXIT],
  [CompleteFollowUpCommand, FOLLOW_UP],
  [ClosePathCommand, {}],
  [ChangeResponsibleWorkerCommand, { toWorkerId: 'usr_7b1d4e08', reasonCategory: 'TURNOVER' }],
  [StartWaitingCommand, { waitingFor: 'BENEFIT_DECISION', thresholdBusinessDays: 20 }],
  [StartWaitingCommand, { waitingFor: 'HOUSING' }],
  [AnnounceFundingEndingCommand, { endDate: '2027-12-31' }],
];

describe('TRANSITION_COMMANDS', () => {
  it('should put every subject under polku-rpc.transitions with a version when listed', () => {
    for (const subject of Object.values(TRANSITION_COMMANDS)) {
      expect(subject).toMatch(/^polku-rpc\.transitions\.[a-z]+(?:-[a-z]+)*\.v1$/);
    }
  });
});

describe('transition commands', () => {
  it.each(VALID_BODIES)('should accept a valid body of %p', (type, body) => {
    expect(errorsOf(type, body)).toStrictEqual([]);
  });

  it.each([{ confirmedDestination: 'PENSION' }, { reason: 'Asiakas työllistyi' }])(
    'should reject a closing body that carries %p',
    (body) => {
      expect(errorsOf(ClosePathCommand, body)).toEqual([Object.keys(body)[0]]);
    },
  );
});

describe('ProposeHandoffCommand', () => {
  // Found by the command fuzzer for other commands: @ValidateNested takes an array as a list of nothing.
  it('should reject the destination sent as an array', () => {
    expect(errorsOf(ProposeHandoffCommand, { ...PROPOSAL, destination: [] })).toEqual([
      'destination',
    ]);
  });

  it('should reject a category of another group with the same rules as ExitDestination', () => {
    const destination = { group: 'LABOUR_MARKET', category: 'PENSION' };

    expect(errorsOf(ProposeHandoffCommand, { ...PROPOSAL, destination })).toEqual(['destination']);
  });

  it('should reject a hand-off to an unclear path', () => {
    const destination = { group: 'OUTSIDE_LABOUR_MARKET', category: 'UNCLEAR_PATH' };

    expect(errorsOf(ProposeHandoffCommand, { ...PROPOSAL, destination })).toEqual(['destination']);
  });
});

describe('ExitPathCommand', () => {
  it('should reject the destination sent as an array', () => {
    expect(errorsOf(ExitPathCommand, { ...EXIT, destination: [] })).toEqual(['destination']);
  });

  it('should reject a sub-type on a category without kinds', () => {
    const destination = { group: 'OUTSIDE_LABOUR_MARKET', category: 'PENSION', subType: 'OTHER' };

    expect(errorsOf(ExitPathCommand, { ...EXIT, destination })).toEqual(['destination']);
  });
});

describe('CompleteFollowUpCommand', () => {
  it('should reject the destination sent as an array', () => {
    expect(errorsOf(CompleteFollowUpCommand, { ...FOLLOW_UP, destination: [] })).toEqual([
      'destination',
    ]);
  });

  it('should need the destination exactly when the status changed', () => {
    expect(errorsOf(CompleteFollowUpCommand, { ...FOLLOW_UP, destination: undefined })).toEqual([
      'destination',
    ]);
    expect(errorsOf(CompleteFollowUpCommand, { ...FOLLOW_UP, statusNow: 'SAME' })).toEqual([
      'destination',
    ]);
  });

  it('should reject help given as free text, or NONE with other help', () => {
    expect(
      errorsOf(CompleteFollowUpCommand, { ...FOLLOW_UP, helpGiven: ['Autoin CV:n kanssa'] }),
    ).toEqual(['helpGiven']);
    expect(
      errorsOf(CompleteFollowUpCommand, { ...FOLLOW_UP, helpGiven: ['NONE', 'COUNSELLING'] }),
    ).toEqual(['helpGiven']);
  });

  it('should reject a confirmed destination when the status is unknown', () => {
    const body = { ...FOLLOW_UP, statusNow: 'UNKNOWN', destination: undefined };

    expect(errorsOf(CompleteFollowUpCommand, body)).toEqual(['confirmsDestination']);
  });
});

describe('ChangeResponsibleWorkerCommand', () => {
  it.each(['Maija Mallikas', '131052-308T', ''])(
    'should reject %p as the new worker’s id',
    (toWorkerId) => {
      expect(
        errorsOf(ChangeResponsibleWorkerCommand, { toWorkerId, reasonCategory: 'ABSENCE' }),
      ).toEqual(['toWorkerId']);
    },
  );
});

describe('StartWaitingCommand', () => {
  it.each([0, 121, 2.5])('should reject a threshold of %p business days', (threshold) => {
    expect(
      errorsOf(StartWaitingCommand, { waitingFor: 'HOUSING', thresholdBusinessDays: threshold }),
    ).toEqual(['thresholdBusinessDays']);
  });
});
