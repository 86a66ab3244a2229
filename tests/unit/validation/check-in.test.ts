import { describe, expect, it } from 'vitest';
import { itemsOnPage, PAGE_COUNT, pageOfItem, ZCheckInPageInput, ZSaveAnswerInput } from '../../../lib/validation/check-in';

const id = '0b7b4f5e-9c1d-4d7a-8f3e-2a1b3c4d5e6f';

describe('check-in pages', () => {
  it('splits 30 items into 5 pages of 6', () => {
    expect(PAGE_COUNT).toBe(5);
    expect(itemsOnPage(1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(itemsOnPage(5)).toEqual([25, 26, 27, 28, 29, 30]);
    expect([1, 6, 7, 30].map(pageOfItem)).toEqual([1, 1, 2, 5]);
  });
});

describe('ZCheckInPageInput (a posted page)', () => {
  it('reads the page, the button pressed and the answers', () => {
    const parsed = ZCheckInPageInput.parse({ checkInId: id, page: '2', intent: 'next', 'item-7': '4', 'item-9': '1', other: 'x' });
    expect(parsed).toEqual({
      checkInId: id,
      page: 2,
      intent: 'next',
      answers: [
        { itemNumber: 7, value: 4 },
        { itemNumber: 9, value: 1 },
      ],
    });
  });

  it.each([
    ['a value outside 1–5', { 'item-7': '6' }, 'item-7'],
    ['a non-number', { 'item-7': 'often' }, 'item-7'],
    ['an item beyond 30', { 'item-31': '3' }, 'item-31'],
  ])('rejects %s, naming the field', (_label, fields, path) => {
    const result = ZCheckInPageInput.safeParse({ checkInId: id, page: '2', intent: 'next', ...fields });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each([
    ['a malformed id', { checkInId: 'abc', page: '1' }],
    ['page 0', { checkInId: id, page: '0' }],
    ['page 6', { checkInId: id, page: '6' }],
    ['an unknown button', { checkInId: id, page: '1', intent: 'delete' }],
  ])('rejects %s', (_label, input) => {
    expect(ZCheckInPageInput.safeParse(input).success).toBe(false);
  });
});

describe('ZSaveAnswerInput (one answer saved as it is given)', () => {
  it('accepts a whole number from 1 to 5 for items 1 to 30', () => {
    expect(ZSaveAnswerInput.parse({ checkInId: id, itemNumber: 30, value: 5 })).toEqual({ checkInId: id, itemNumber: 30, value: 5 });
  });
  it.each([
    [{ itemNumber: 0, value: 3 }],
    [{ itemNumber: 31, value: 3 }],
    [{ itemNumber: 3, value: 0 }],
    [{ itemNumber: 3, value: 2.5 }],
  ])('rejects %j', (input) => {
    expect(ZSaveAnswerInput.safeParse({ checkInId: id, ...input }).success).toBe(false);
  });
});
