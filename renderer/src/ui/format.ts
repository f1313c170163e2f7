const numberFormat = new Intl.NumberFormat('en-GB');

/** "30,129". */
export function formatNumber(count: number): string {
  return numberFormat.format(count);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** "Training sessions led by a trainer", from words that also go mid-sentence. */
export function capitalise(words: string): string {
  return words.charAt(0).toLocaleUpperCase('en-GB') + words.slice(1);
}
