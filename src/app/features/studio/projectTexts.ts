// The list lives in core so the Node export registers fonts for the same texts the preview loads.
export { projectTexts } from '../../../core/projectTexts';
