/** The path-building part of a 2D context (a canvas context, a Konva context or a Path2D). */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void;
  arc(
    x: number,
    y: number,
    radius: number,
    startAngle: number,
    endAngle: number,
    counterClockwise?: boolean,
  ): void;
  closePath(): void;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
