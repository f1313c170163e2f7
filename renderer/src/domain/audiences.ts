export const audiences = [
  'social-care',
  'police',
  'health',
  'education',
  'licensing-night-time-economy',
  'other',
] as const;
export type Audience = (typeof audiences)[number];

export const audienceLabels: Record<Audience, string> = {
  'social-care': 'Social care',
  police: 'Police',
  health: 'Health',
  education: 'Education',
  'licensing-night-time-economy': 'Licensing and night-time economy',
  other: 'Other',
};
