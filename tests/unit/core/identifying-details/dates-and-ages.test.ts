import { describe, expect, it } from 'vitest';
import { foundOfKind, suggestionFor } from './helpers';

describe('dates', () => {
  it.each([
    ['She came on 3rd March 2019, the day after.', '3rd March 2019'],
    ['It was Friday 18th August 2017 when she rang.', 'Friday 18th August 2017'],
    ['and again on the 2nd of September', '2nd of September'],
    ['by 12 August i was staying out', '12 August'],
    ['The next visit was 17/03/2019.', '17/03/2019'],
    ['The report was made on 04.11.2016.', '04.11.2016'],
    ['It was closed on 2017-01-23 with no action.', '2017-01-23'],
    ['By April 2019 I had a new worker.', 'April 2019'],
    ['Since March of 2018 nothing changed.', 'March of 2018'],
    ['On March 3rd, 2019 he was charged.', 'March 3rd, 2019'],
    ['It was 4/11/16, a Friday.', '4/11/16'],
    ['everything changed in the summer of 2017', 'summer of 2017'],
    ['By Christmas 2018 it was over.', 'Christmas 2018'],
    ['On Boxing Day 2019 he came back.', 'Boxing Day 2019'],
    ['We moved in 2015 and left the next year.', '2015'],
    ['my birthday is 4th june', '4th june'],
  ])('finds %j', (text, date) => {
    expect(foundOfKind(text, 'date').map((value) => value.replace(/^the /, ''))).toEqual([date]);
  });

  it.each([
    ["We met at 7 o'clock."],
    ['I was in Year 9 then.'],
    ['It happened last Tuesday.'],
    ['It took two years to get to trial.'],
    ['There was a Section 47 enquiry.'],
    ['In the summer we went to the park.'],
    ['I had 2019 reasons to leave.'],
    ['She may 5 times have asked.'],
    ['I got a grade 7 in May.'],
  ])('leaves %j alone', (text) => {
    expect(foundOfKind(text, 'date')).toEqual([]);
  });

  it('suggests a season rather than a date', () => {
    expect(suggestionFor('On 3rd March 2019 she came.', '3rd March 2019')).toBe('a day in spring');
    expect(suggestionFor('By April 2019 I had a new worker.', 'April 2019')).toBe('that spring');
    expect(suggestionFor('The visit was 17/12/2019.', '17/12/2019')).toBe('a day in winter');
    expect(suggestionFor('We moved in 2015 and left.', '2015')).toBe('that year');
  });
});

describe('ages', () => {
  it.each([
    ['When I was 14 I went missing.', '14'],
    ['I was fifteen and in care.', 'fifteen'],
    ["I'm 17 now.", '17'],
    ['he said he was 17 and lived nearby', '17'],
    ['She was only 13.', '13'],
    ['a girl aged 15 was found', 'aged 15'],
    ['At the age of 12 I moved schools.', 'At the age of 12'],
    ['I was a fourteen-year-old with no one to tell.', 'a fourteen-year-old'],
    ['a 14 year old girl', 'a 14 year old'],
    ['He was 24 years old.', '24 years old'],
    ['when I turned 16 they stopped', 'turned 16'],
    ['on my 16th birthday', '16th birthday'],
    ['I said 18 and she gave me the key.', '18'],
    ['Kyle was 19 and had a car.', '19'],
    ['Paris, my little sister, was only 9.', '9'],
    ['a man, who was 24, drove', '24'],
    ["You're 15, you should know better.", '15'],
  ])('finds %j', (text, age) => {
    expect(foundOfKind(text, 'age')).toEqual([age]);
  });

  it.each([
    ['I was in Year 9.'],
    ["I was 10 minutes late at 7 o'clock."],
    ['I was 2 hours away.'],
    ['I was one of the girls they picked.'],
    ['Supported housing for sixteen and seventeen year olds is cheap.'],
    ['I was in my teens.'],
    ['He was 5 foot tall.'],
    ['We were 3 miles from home.'],
    ['I got a 9 in maths.'],
    ['It was 10 when we left.'],
    ['There were 12 of us in the car.'],
    ['Walsall was 2-1 down.'],
  ])('leaves %j alone', (text) => {
    expect(foundOfKind(text, 'age')).toEqual([]);
  });

  it('turns an exact age into a range, for the right person', () => {
    expect(suggestionFor('When I was 14 I left.', '14')).toBe('in my early teens');
    expect(suggestionFor('She was 15 then.', '15')).toBe('in her mid-teens');
    expect(suggestionFor('He was 19.', '19')).toBe('in his late teens');
    expect(suggestionFor('He was 26.', '26')).toBe('in his mid-twenties');
    expect(suggestionFor('I was 11 when we moved.', '11')).toBe('not yet in my teens');
    expect(suggestionFor('I was 8 when we moved.', '8')).toBe('a young child');
    expect(suggestionFor('a girl aged 13 was found', 'aged 13')).toBe('in her early teens');
    expect(suggestionFor('She was a 14-year-old girl.', 'a 14-year-old')).toBe('a teenage');
    expect(suggestionFor('I was a 14-year-old.', 'a 14-year-old')).toBe('a teenager');
    expect(suggestionFor('when I turned 16 they stopped', 'turned 16')).toBe('reached my mid-teens');
    expect(suggestionFor('on my 16th birthday', '16th birthday')).toBe('birthday');
  });
});
