/**
 * Where the data lives. `DATA_ROOT` is `data/`, or another folder of the same shape (the
 * tests build whole sites from fixture folders); every reader of data/ takes it from here.
 */
export const DATA_ROOT = process.env.DATA_ROOT ?? 'data';
/** The metadata file of a dataset folder. */
export const META_FILE = 'dataset.yaml';
/** The boundary files, under the data root. */
export const BOUNDARY_DIR = 'boundaries';
/** The boundary folder of the data root in use. */
export const boundaryDir = (dataRoot: string = DATA_ROOT): string => `${dataRoot}/${BOUNDARY_DIR}`;
