import { answerFormatOf } from './answer-format';

describe('the answer format of a dashboard view', () => {
  it('should follow the format parameter whatever the Accept header says', () => {
    expect(answerFormatOf('csv', 'application/json')).toBe('csv');
    expect(answerFormatOf('json', 'text/csv')).toBe('json');
  });

  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/csv', 'csv'],
    ['TEXT/CSV; charset=utf-8', 'csv'],
    ['text/csv, */*;q=0.8', 'csv'],
    ['text/csv, */*', 'csv'],
    ['text/*', 'csv'],
    ['application/json, text/csv', 'json'],
    ['application/json;q=0.5, text/csv', 'csv'],
    ['text/csv;q=0.5, application/json', 'json'],
    ['text/csv;q=0, */*', 'json'],
    ['text/html, application/xhtml+xml, */*;q=0.8', 'json'],
    ['application/xml', 'json'],
    ['text/csv;q=oops', 'json'],
  ])('should answer Accept %j with %s', (accept, format) => {
    expect(answerFormatOf(undefined, accept)).toBe(format);
  });
});
