/** The picture formats Chorus keeps: every browser and every export format can show them. */
export const allowedImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export type AllowedImageType = (typeof allowedImageTypes)[number];

/** The largest picture kept. */
export const maxImageBytes = 10 * 1024 * 1024;

/** The largest picture kept, in words: "10 MB". */
export const maxImageSize = `${maxImageBytes / (1024 * 1024)} MB`;

export function isAllowedImageType(type: string): type is AllowedImageType {
  return (allowedImageTypes as readonly string[]).includes(type);
}
