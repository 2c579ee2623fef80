export {
  ALIGN_EDGES,
  alignOffsets,
  distributeOffsets,
  placedBounds,
  toFrame,
  toLocal,
  unionBox,
  type AlignEdge,
  type Box,
  type DistributeAxis,
  type Offset,
  type Placement,
} from './arrange';
export { elementBounds, localBox } from './bounds';
export { eraseStrokes, eraserCircles, type Circle, type EraseOptions, type StrokePoint } from './erase';
export { safeZoneBox } from './safeZone';
