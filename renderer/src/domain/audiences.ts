import { audienceLabels, audiences, type Audience } from '../../../electron/shared/repository-records';

export { audienceLabels, audiences, type Audience };
