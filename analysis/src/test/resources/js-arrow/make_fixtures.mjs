// Writes Shapescope checkpoint files with Apache Arrow's JavaScript library (npm apache-arrow),
// an Arrow implementation independent of Arrow Java. Regenerate with:
//   cd analysis/src/test/resources/js-arrow && npm install && node make_fixtures.mjs
// Each file: 3 layers (written in the order 2, 0, 1), 10 tokens per layer, hidden size 6,
// every layer split over several record batches (4 + 4 + 2 rows), schema metadata step.
// Values follow a formula that the Java test recomputes: v(layer, row, col) = sin(1.3*layer + 0.7*row + 0.11*col) * (1 + layer).
// js-float32-nulls-file.arrow: the same float32 file with validity bitmaps: the element (row, col) is null
// where (row * 6 + col) % 23 == 5, and the whole embedding of row 6 of layer 1 is null.
import { writeFileSync } from 'node:fs';
import {
  Field, Schema, FixedSizeList, Float16, Float32, Int32, Int64, Utf8, Struct,
  makeData, RecordBatch, Table, tableToIPC, vectorFromArray,
} from 'apache-arrow';

const LAYERS = [2, 0, 1];
const TOKENS = 10;
const HIDDEN = 6;
const BATCH_ROWS = [4, 4, 2];

function value(layer, row, col) {
  return Math.sin(1.3 * layer + 0.7 * row + 0.11 * col) * (1 + layer);
}

function isNullElement(row, col) {
  return (row * HIDDEN + col) % 23 === 5;
}

function isNullRow(layer, row) {
  return layer === 1 && row === 6;
}

function batches(floatType, withNulls = false) {
  const element = floatType === 'float16' ? new Float16() : new Float32();
  const embeddingType = new FixedSizeList(HIDDEN, new Field('item', element, true));
  const fields = [
    new Field('layer', new Int32(), false),
    new Field('embedding', embeddingType, false),
    new Field('position', new Int64(), true),
    new Field('token', new Utf8(), true),
  ];
  const schema = new Schema(fields, new Map([['step', '512'], ['writer', 'apache-arrow js']]));
  const result = [];
  for (const layer of LAYERS) {
    let start = 0;
    for (const rows of BATCH_ROWS) {
      const flat = [];
      const positions = [];
      const tokens = [];
      const layerColumn = [];
      for (let r = start; r < start + rows; r++) {
        for (let c = 0; c < HIDDEN; c++) flat.push(withNulls && isNullElement(r, c) ? null : value(layer, r, c));
        positions.push(BigInt(r));
        tokens.push(`tok${r}`);
        layerColumn.push(layer);
      }
      const child = vectorFromArray(flat, element).data[0];
      let embedding = makeData({ type: embeddingType, length: rows, nullCount: 0, child });
      if (withNulls) {
        const valid = new Uint8Array(Math.ceil(rows / 8));
        let nulls = 0;
        for (let r = 0; r < rows; r++) {
          if (isNullRow(layer, start + r)) nulls++;
          else valid[r >> 3] |= 1 << (r & 7);
        }
        embedding = makeData({ type: embeddingType, length: rows, nullCount: nulls, nullBitmap: valid, child });
      }
      const children = [
        vectorFromArray(layerColumn, new Int32()).data[0],
        embedding,
        vectorFromArray(positions, new Int64()).data[0],
        vectorFromArray(tokens, new Utf8()).data[0],
      ];
      const struct = makeData({ type: new Struct(fields), length: rows, nullCount: 0, children });
      result.push(new RecordBatch(schema, struct));
      start += rows;
    }
  }
  return new Table(schema, result);
}

for (const type of ['float16', 'float32']) {
  const table = batches(type);
  writeFileSync(`js-${type}-file.arrow`, tableToIPC(table, 'file'));
  writeFileSync(`js-${type}-stream.arrows`, tableToIPC(table, 'stream'));
}
writeFileSync('js-float32-nulls-file.arrow', tableToIPC(batches('float32', true), 'file'));
console.log('wrote js-{float16,float32}-{file.arrow,stream.arrows}, js-float32-nulls-file.arrow');
