/** The number typed or slid into an input, or null while it is not one. */
export function numberOf(event: Event): number | null {
  const value = (event.target as HTMLInputElement).valueAsNumber;
  return Number.isFinite(value) ? value : null;
}
