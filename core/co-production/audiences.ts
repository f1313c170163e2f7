import { audienceLabels, audiences, type Audience } from '../repository/records';

export { audienceLabels, audiences, type Audience };
