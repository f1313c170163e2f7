import { describe, expect, it } from 'vitest';
import { foundOfKind, found } from './helpers';

describe('phone numbers', () => {
  it.each([
    ['My mobile was 07700 900461.', '07700 900461'],
    ['ring 07700900461 after six', '07700900461'],
    ['His number, 0770 090 0872, was saved as Uncle.', '0770 090 0872'],
    ['It was 07700-900-123 on the card.', '07700-900-123'],
    ['Call +44 7700 900218 if you can.', '+44 7700 900218'],
    ['Call +447700900218 if you can.', '+447700900218'],
    ['Call +44 (0)7700 900218 if you can.', '+44 (0)7700 900218'],
    ['The takeaway was 0121 496 0731.', '0121 496 0731'],
    ['Work: (0131) 496 0188.', '(0131) 496 0188'],
    ['London number 020 7946 0321 was the office.', '020 7946 0321'],
    ['landline 01632 960 123 at the house', '01632 960 123'],
    ['try 077 009 00123 instead', '077 009 00123'],
  ])('finds %j', (text, number) => {
    expect(foundOfKind(text, 'phone')).toEqual([number]);
  });

  it.each([
    ['I rang Childline on 0800 1111 from a phone box.'],
    ['The NSPCC helpline is 0808 800 5000.'],
    ['Samaritans are on 116 123, any time.'],
    ['Ring 101 or 999.'],
    ['the 101 number for the police'],
    ['NHS 111 told me to go to A&E.'],
    ['Freephone 0800 555 111 is Crimestoppers.'],
    ['It happened on 01/02/2019 at 10.30.'],
    ['There were 1200 people at the festival in 2019.'],
    ['Case number 1234567890 was on the letter.'],
  ])('leaves public and look-alike numbers in %j', (text) => {
    expect(foundOfKind(text, 'phone')).toEqual([]);
  });

  it('flags 03 numbers with medium confidence, since they are often a council or charity', () => {
    expect(found('The team is on 0300 123 4567.')).toEqual(['phone: 0300 123 4567']);
  });
});

describe('email addresses', () => {
  it('finds addresses with dots, plus signs and sub-domains', () => {
    expect(foundOfKind('Email p.sharma@nhs-example.net or kay+help@mail.example.co.uk today.', 'email')).toEqual([
      'p.sharma@nhs-example.net',
      'kay+help@mail.example.co.uk',
    ]);
  });

  it('does not take the @ of an email address for a social media handle', () => {
    expect(found('write to jay.b@example.com')).toEqual(['email: jay.b@example.com']);
  });

  it('leaves a lone @ alone', () => {
    expect(found('meet @ 7 by the shops')).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each([
    ['We lived at B66 1QR for a year.', 'B66 1QR'],
    ['The flat was in SW1A 1AA.', 'SW1A 1AA'],
    ['the postcode was wv109tj on the menu', 'wv109tj'],
    ['postcode LS61AB', 'LS61AB'],
    ['It was somewhere in the WV10 area.', 'WV10'],
    ['My postcode starts with B23 so you know.', 'B23'],
  ])('finds %j', (text, postcode) => {
    expect(foundOfKind(text, 'postcode')).toEqual([postcode]);
  });

  it.each([
    ['We drove up the M6 and the A38.'],
    ['The M25 area was gridlocked.'],
    ['I was in room B12 for maths.'],
    ['I was in Year 9 and got a 9 in English.'],
  ])('leaves roads, rooms and grades in %j', (text) => {
    expect(foundOfKind(text, 'postcode')).toEqual([]);
  });
});

describe('vehicle registrations', () => {
  it.each([
    ['a black BMW, LR19 OXM, outside', 'LR19 OXM'],
    ['the van MK14FHP again', 'MK14FHP'],
    ['an old Vauxhall, T452 KLB', 'T452 KLB'],
    ['a Fiesta reg ABC 123D', 'ABC 123D'],
    ['the reg was bf67 xkt, I think', 'bf67 xkt'],
  ])('finds %j', (text, plate) => {
    expect(foundOfKind(text, 'vehicle')).toEqual([plate]);
  });

  it.each([['I passed my GCSE maths.'], ['a PCSO came round'], ['the bf67 bus'], ['Section 47 enquiry']])(
    'leaves %j alone',
    (text) => {
      expect(foundOfKind(text, 'vehicle')).toEqual([]);
    },
  );
});

describe('social media handles and links', () => {
  it.each([
    ['my snap was kayleigh_x99 back then', 'kayleigh_x99'],
    ['My Snapchat was jaybee.99, everyone knew it.', 'jaybee.99'],
    ['his insta is @jay.b_99.', '@jay.b_99'],
    ['He added me on Instagram as tiny.trapz_ and messaged.', 'tiny.trapz_'],
    ['TikTok: lil_mimi.x', 'lil_mimi.x'],
    ['follow @brighter_steps for updates', '@brighter_steps'],
    ['her page is instagram.com/brighter.steps_.', 'instagram.com/brighter.steps_'],
    ['see https://www.tiktok.com/@mimi.x for the videos', 'https://www.tiktok.com/@mimi.x'],
  ])('finds %j', (text, handle) => {
    expect(foundOfKind(text, 'social-handle')).toEqual([handle]);
  });

  it.each([['My Snapchat was private then.'], ['his snap was deleted'], ['I was on Instagram all night.']])(
    'leaves %j alone',
    (text) => {
      expect(foundOfKind(text, 'social-handle')).toEqual([]);
    },
  );

  it('finds other web addresses as links, without trailing punctuation', () => {
    expect(foundOfKind('Our site, www.brightersteps-example.org.uk, has more.', 'url')).toEqual([
      'www.brightersteps-example.org.uk',
    ]);
  });
});
