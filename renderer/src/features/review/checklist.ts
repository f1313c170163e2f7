/** The facilitator's safeguarding sign-off, including the "could someone piece this together?" questions. */
export const safeguardingChecklist = [
  {
    id: 'no-direct-identifiers',
    text: 'No names of people, places, schools or workplaces remain, unless the consultee chose to keep them and said why.',
  },
  {
    id: 'jigsaw-dates-places',
    text: 'Dates, ages, places and events could not be put together to work out who this is.',
  },
  {
    id: 'jigsaw-known-people',
    text: 'Someone who knows the consultee could not recognise them from the details of the story.',
  },
  {
    id: 'others-protected',
    text: 'Nobody else in the story (family, friends, professionals) could be identified.',
  },
  {
    id: 'content-warnings',
    text: 'The content warnings tell readers what they will meet.',
  },
  {
    id: 'consultee-saw-version',
    text: 'The consultee has seen exactly what will be shared and chose how they are credited.',
  },
] as const;

export type ChecklistAnswers = Record<string, boolean>;

export function checklistComplete(answers: ChecklistAnswers): boolean {
  return safeguardingChecklist.every((item) => answers[item.id] === true);
}
