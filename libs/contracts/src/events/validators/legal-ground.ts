import { ValidateBy, type ValidationOptions } from 'class-validator';

const LEGAL_GROUND_MAX_LENGTH = 200;

function isLegalGroundValue(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= LEGAL_GROUND_MAX_LENGTH;
}

/**
 * For `consentRef` and `legalBasis`: exactly one of the two is given, as a non-empty string of at
 * most 200 characters. The "neither" and "both" cases are reported once, on consentRef.
 */
export function IsConsentRefOrLegalBasis(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isConsentRefOrLegalBasis',
      constraints: [LEGAL_GROUND_MAX_LENGTH],
      validator: {
        validate: (value, args) => {
          const envelope = args?.object as { consentRef?: unknown; legalBasis?: unknown };
          const hasConsent = envelope.consentRef !== undefined && envelope.consentRef !== null;
          const hasLegalBasis = envelope.legalBasis !== undefined && envelope.legalBasis !== null;
          if (hasConsent === hasLegalBasis) {
            return args?.property !== 'consentRef';
          }
          return value === undefined || value === null || isLegalGroundValue(value);
        },
        defaultMessage: (args) => {
          const envelope = args?.object as { consentRef?: unknown; legalBasis?: unknown };
          const hasConsent = envelope.consentRef !== undefined && envelope.consentRef !== null;
          const hasLegalBasis = envelope.legalBasis !== undefined && envelope.legalBasis !== null;
          if (!hasConsent && !hasLegalBasis) {
            return 'consentRef or legalBasis is required: every event carries exactly one of them';
          }
          if (hasConsent && hasLegalBasis) {
            return 'consentRef and legalBasis must not both be given: every event carries exactly one of them';
          }
          return `${args?.property} must be a non-empty string of at most ${LEGAL_GROUND_MAX_LENGTH} characters`;
        },
      },
    },
    options,
  );
}
