import type { Role } from './workflow';

export const roleLabels: Record<Role, string> = {
  consultee: 'Consultee (lived experience)',
  facilitator: 'Facilitator',
  trainer: 'Trainer',
};
