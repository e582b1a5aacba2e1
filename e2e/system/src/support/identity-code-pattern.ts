/**
 * A Finnish personal identity code written anywhere in a JSON answer: birth date, century sign,
 * individual number, check character, standing apart from other letters and digits. Inside a
 * random UUID ('f2501962-3948-…') the same run of digits is no code, and matching it there made
 * a test fail about once in a hundred runs.
 */
export const IDENTITY_CODE_IN_TEXT = /(?<![0-9A-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![0-9A-Za-z])/;
