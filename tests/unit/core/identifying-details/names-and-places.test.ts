import { describe, expect, it } from 'vitest';
import { found, foundOfKind, suggestionFor } from './helpers';

describe('names of people', () => {
  it.each([
    ['My social worker Claire came round.', 'social worker Claire'],
    ['My key worker, Marcus, helped me report it.', 'key worker, Marcus,'],
    ['PC Davies was the first to ask.', 'PC Davies'],
    ['DC Amy Patel sat with me.', 'DC Amy Patel'],
    ['Then Detective Sergeant Lewis told me.', 'Detective Sergeant Lewis'],
    ['I met a lad called Kyle at the park.', 'Kyle'],
    ['Dean, one of the youth workers, noticed.', 'Dean, one of the youth workers,'],
    ['The owner’s nephew, Arif, drove me home.', 'owner’s nephew, Arif,'],
    ['Jade and Kayleigh were at the bus station.', ['Jade', 'Kayleigh']],
    ['My new social worker Precious was kind.', 'new social worker Precious'],
    ['i went round with my mate jake after school', 'mate jake'],
    ['My manager, Sandra Hughes, never asked.', 'manager, Sandra Hughes,'],
    ['I told Mrs Okonkwo everything.', 'Mrs Okonkwo'],
  ])('finds %j', (text, names) => {
    expect(foundOfKind(text, 'person')).toEqual(Array.isArray(names) ? names : [names]);
  });

  it('takes names that are also words only where they are names', () => {
    expect(foundOfKind('My best friend Hope noticed first. Hope still says so. I had no hope.', 'person')).toEqual([
      'best friend Hope',
      'Hope',
    ]);
    expect(foundOfKind('I met a girl called Summer. That summer was hot.', 'person')).toEqual(['Summer']);
    expect(foundOfKind('My foster dad Mark was kind. Mark my words, he said.', 'person')).toContain('foster dad Mark');
    expect(foundOfKind('I will mark it on the calendar.', 'person')).toEqual([]);
  });

  it('finds a name again once it is known from its role', () => {
    expect(foundOfKind('My social worker Claire came. Later Claire left the team.', 'person')).toEqual([
      'social worker Claire',
      'Claire',
    ]);
  });

  it('finds known names in any case, whole and word by word', () => {
    const text = 'kayleigh morris wrote this. Kayleigh was 14 and shopped at morrisons.';
    expect(foundOfKind(text, 'person', { knownNames: ['Kayleigh Morris'] })).toEqual(['kayleigh morris', 'Kayleigh']);
  });

  it.each([
    ['Mum rang the police twice.'],
    ['Miss said I was doing well.'],
    ['I was in Year 9 at the time.'],
    ['The CAMHS worker and my GP talked.'],
    ['I rang Childline and the NSPCC.'],
    ['Sir told me to sit down.'],
    ['My foster carers were kind.'],
  ])('leaves %j alone', (text) => {
    expect(foundOfKind(text, 'person')).toEqual([]);
  });

  it('suggests the role, or someone, in place of a name', () => {
    expect(suggestionFor('My social worker Claire came round.', 'social worker Claire')).toBe('social worker');
    expect(suggestionFor('PC Davies was the first to ask.', 'PC Davies')).toBe('A police officer');
    expect(suggestionFor('I met a lad called Kyle at the park.', 'Kyle')).toBe('[another name]');
    expect(suggestionFor('I went with Kyle Brennan to the shop.', 'Kyle Brennan')).toBe('someone');
    expect(suggestionFor('Sharon, my youth worker, grew up there.', 'Sharon, my youth worker,')).toBe(
      'My youth worker',
    );
    expect(suggestionFor('My dad, Paul, never knew.', 'dad, Paul,')).toBe('dad');
  });
});

describe('places', () => {
  it.each([
    ['The police found me in Walsall.', 'Walsall', 'a town in the West Midlands'],
    ['we had just moved to dudley', 'dudley', 'a town in the West Midlands'],
    ['I was moved from Glasgow at night.', 'Glasgow', 'a city in Scotland'],
    ['I grew up in Washington, up north.', 'Washington', 'a town in the North East'],
    ['I was placed in Chelsea for a year.', 'Chelsea', 'part of London'],
    ['We went to Stoke-on-Trent by train.', 'Stoke-on-Trent', 'a city in the West Midlands'],
    ['She lived in Sutton Coldfield.', 'Sutton Coldfield', 'a town in the West Midlands'],
    ['a village in Kent', 'Kent', 'a county in the South East'],
    ['the house on Mill Street', 'Mill Street', 'a street'],
    ['everyone in Handsworth knew', 'Handsworth', 'part of a city in the West Midlands'],
  ])('finds %j', (text, place, suggestion) => {
    expect(foundOfKind(text, 'place')).toEqual([place]);
    expect(suggestionFor(text, place)).toBe(suggestion);
  });

  it('finds places the gazetteer lacks from where people live or are moved to', () => {
    expect(found('We lived in Chasetown until I was twelve.')).toEqual(['place: Chasetown', 'age: twelve']);
    expect(found('They moved me to Kirkby-in-Ashfield.')).toEqual(['place: Kirkby-in-Ashfield']);
    expect(found('She was born in Romania and moved to England.')).toEqual([]);
    expect(suggestionFor('I grew up in a village called Little Aston.', 'called Little Aston')).toBe('nearby');
  });

  it('tells a person called Chelsea from the place', () => {
    expect(found('A girl called Chelsea was kind to me.')).toEqual(['person: Chelsea']);
  });

  it.each([
    ['Reading was hard for me at school.'],
    ['I grew up in the West Midlands.'],
    ['We came to England when I was small.'],
    ['I bought chips on the high street.'],
    ['Bath time was when I cried.'],
    ['I met him on the street outside.'],
  ])('leaves %j alone', (text) => {
    expect(foundOfKind(text, 'place')).toEqual([]);
  });

  it('finds an address with a house number, and a street without one', () => {
    expect(found('I lived at 27 Holly Lane, Smethwick, B66 1QR.')).toEqual([
      'address: 27 Holly Lane',
      'place: Smethwick',
      'postcode: B66 1QR',
    ]);
    expect(foundOfKind('Flat 3, 22 Victoria Street was the address.', 'address')).toEqual([
      'Flat 3, 22 Victoria Street',
    ]);
  });
});

describe('schools and organisations', () => {
  it.each([
    ['I was at Brampton Heath Academy in Year 9.', 'Brampton Heath Academy', 'a school'],
    ['I went to St Mary’s Primary.', 'St Mary’s Primary', 'a primary school'],
    ['He said he went to Hollins Park High School.', 'Hollins Park High School', 'a secondary school'],
    ['I did my Level 2 at Telford College.', 'Telford College', 'a college'],
    ['I study at the University of Wolverhampton.', 'the University of Wolverhampton', 'a university'],
  ])('finds the school in %j', (text, school, suggestion) => {
    expect(foundOfKind(text, 'school')).toEqual([school]);
    expect(suggestionFor(text, school)).toBe(suggestion);
  });

  it.each([['I hated secondary school.'], ['The High School was closed.'], ['My college course was hard.']])(
    'leaves %j alone',
    (text) => {
      expect(foundOfKind(text, 'school')).toEqual([]);
    },
  );

  it.each([
    ['The firm was Star Line Cars.', 'Star Line Cars', 'a taxi firm'],
    ['He dropped me at the Parkway Lodge Hotel.', 'the Parkway Lodge Hotel', 'a hotel'],
    ['Later I worked at Tesco in town.', 'Tesco', 'a local business'],
    ['DC Patel from Staffordshire Police was kind.', 'Staffordshire Police', 'the police'],
    ['I gave evidence at Stafford Crown Court.', 'Stafford Crown Court', 'the court'],
    ['We met at a club called Pulse most weekends.', 'called Pulse', 'nearby'],
    ['He owned Kaz Motors Ltd on the ring road.', 'Kaz Motors Ltd', 'a company'],
  ])('finds the organisation in %j', (text, organisation, suggestion) => {
    expect(foundOfKind(text, 'organisation')).toEqual([organisation]);
    expect(suggestionFor(text, organisation)).toBe(suggestion);
  });

  it.each([
    ['I rang the NSPCC and Childline.'],
    ['The NHS and the police were involved.'],
    ["A Barnardo's worker came."],
  ])('leaves national services in %j alone', (text) => {
    expect(foundOfKind(text, 'organisation')).toEqual([]);
  });
});
