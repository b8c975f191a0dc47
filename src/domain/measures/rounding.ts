/** A figure as reported: rounded half away from zero to `decimals` places (2 unless told). */
export function roundTo(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  // Number.EPSILON keeps 1.005 → 1.01 (its binary value is a hair below 1.005).
  const rounded = Math.sign(value) * Math.round((Math.abs(value) + Number.EPSILON) * factor);
  return rounded / factor + 0; // + 0 turns −0 into 0
}
