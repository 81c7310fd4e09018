// The MLP kernel, in AssemblyScript, compiled to WebAssembly SIMD by scripts/build-kernel.mjs.
//
// Every buffer is float32, row-major, at a byte address the caller (src/) chose in this module's
// memory. Shapes are padded by the caller: row counts (m) and column counts (k, n) are multiples
// of 4; the padding holds zeros, which every function below keeps at zero, so padded and unpadded
// networks compute the same values. The loops run in a fixed order: the same inputs always give
// the same bits.

/** Activation codes, as in src/codes.ts. */
const RELU = 1;
const TANH = 2;
const ELU = 3;
const SIGMOID = 4;

/** Task codes, as in src/codes.ts. */
const REGRESSION = 0;

@inline
function splat0(v: v128): v128 {
  return v128.shuffle<f32>(v, v, 0, 0, 0, 0);
}
@inline
function splat1(v: v128): v128 {
  return v128.shuffle<f32>(v, v, 1, 1, 1, 1);
}
@inline
function splat2(v: v128): v128 {
  return v128.shuffle<f32>(v, v, 2, 2, 2, 2);
}
@inline
function splat3(v: v128): v128 {
  return v128.shuffle<f32>(v, v, 3, 3, 3, 3);
}

/**
 * c[m×n] = a[m×k] · w[k×n] (+ bias[n] broadcast over rows when `bias` is not 0).
 * Blocks of 4 rows × 8 columns in registers; a 4-column tail when n is 4 mod 8.
 */
export function gemm(a: usize, w: usize, bias: usize, c: usize, m: i32, k: i32, n: i32): void {
  const rowA = (<usize>k) << 2;
  const rowN = (<usize>n) << 2;
  for (let i = 0; i < m; i += 4) {
    const a0 = a + <usize>i * rowA;
    const a1 = a0 + rowA;
    const a2 = a1 + rowA;
    const a3 = a2 + rowA;
    const c0 = c + <usize>i * rowN;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const off = (<usize>j) << 2;
      let lo = f32x4.splat(0);
      let hi = f32x4.splat(0);
      if (bias != 0) {
        lo = v128.load(bias + off);
        hi = v128.load(bias + off, 16);
      }
      let r0l = lo;
      let r0h = hi;
      let r1l = lo;
      let r1h = hi;
      let r2l = lo;
      let r2h = hi;
      let r3l = lo;
      let r3h = hi;
      let wp = w + off;
      for (let p = 0; p < k; p += 4) {
        const q = (<usize>p) << 2;
        // Four steps of k; each row's x broadcast straight from memory (no shuffles).
        let wl = v128.load(wp);
        let wh = v128.load(wp, 16);
        let s = v128.load32_splat(a0 + q);
        r0l = f32x4.add(r0l, f32x4.mul(s, wl));
        r0h = f32x4.add(r0h, f32x4.mul(s, wh));
        s = v128.load32_splat(a1 + q);
        r1l = f32x4.add(r1l, f32x4.mul(s, wl));
        r1h = f32x4.add(r1h, f32x4.mul(s, wh));
        s = v128.load32_splat(a2 + q);
        r2l = f32x4.add(r2l, f32x4.mul(s, wl));
        r2h = f32x4.add(r2h, f32x4.mul(s, wh));
        s = v128.load32_splat(a3 + q);
        r3l = f32x4.add(r3l, f32x4.mul(s, wl));
        r3h = f32x4.add(r3h, f32x4.mul(s, wh));
        wp += rowN;
        wl = v128.load(wp);
        wh = v128.load(wp, 16);
        s = v128.load32_splat(a0 + q, 4);
        r0l = f32x4.add(r0l, f32x4.mul(s, wl));
        r0h = f32x4.add(r0h, f32x4.mul(s, wh));
        s = v128.load32_splat(a1 + q, 4);
        r1l = f32x4.add(r1l, f32x4.mul(s, wl));
        r1h = f32x4.add(r1h, f32x4.mul(s, wh));
        s = v128.load32_splat(a2 + q, 4);
        r2l = f32x4.add(r2l, f32x4.mul(s, wl));
        r2h = f32x4.add(r2h, f32x4.mul(s, wh));
        s = v128.load32_splat(a3 + q, 4);
        r3l = f32x4.add(r3l, f32x4.mul(s, wl));
        r3h = f32x4.add(r3h, f32x4.mul(s, wh));
        wp += rowN;
        wl = v128.load(wp);
        wh = v128.load(wp, 16);
        s = v128.load32_splat(a0 + q, 8);
        r0l = f32x4.add(r0l, f32x4.mul(s, wl));
        r0h = f32x4.add(r0h, f32x4.mul(s, wh));
        s = v128.load32_splat(a1 + q, 8);
        r1l = f32x4.add(r1l, f32x4.mul(s, wl));
        r1h = f32x4.add(r1h, f32x4.mul(s, wh));
        s = v128.load32_splat(a2 + q, 8);
        r2l = f32x4.add(r2l, f32x4.mul(s, wl));
        r2h = f32x4.add(r2h, f32x4.mul(s, wh));
        s = v128.load32_splat(a3 + q, 8);
        r3l = f32x4.add(r3l, f32x4.mul(s, wl));
        r3h = f32x4.add(r3h, f32x4.mul(s, wh));
        wp += rowN;
        wl = v128.load(wp);
        wh = v128.load(wp, 16);
        s = v128.load32_splat(a0 + q, 12);
        r0l = f32x4.add(r0l, f32x4.mul(s, wl));
        r0h = f32x4.add(r0h, f32x4.mul(s, wh));
        s = v128.load32_splat(a1 + q, 12);
        r1l = f32x4.add(r1l, f32x4.mul(s, wl));
        r1h = f32x4.add(r1h, f32x4.mul(s, wh));
        s = v128.load32_splat(a2 + q, 12);
        r2l = f32x4.add(r2l, f32x4.mul(s, wl));
        r2h = f32x4.add(r2h, f32x4.mul(s, wh));
        s = v128.load32_splat(a3 + q, 12);
        r3l = f32x4.add(r3l, f32x4.mul(s, wl));
        r3h = f32x4.add(r3h, f32x4.mul(s, wh));
        wp += rowN;
      }
      const out = c0 + off;
      v128.store(out, r0l);
      v128.store(out, r0h, 16);
      v128.store(out + rowN, r1l);
      v128.store(out + rowN, r1h, 16);
      v128.store(out + 2 * rowN, r2l);
      v128.store(out + 2 * rowN, r2h, 16);
      v128.store(out + 3 * rowN, r3l);
      v128.store(out + 3 * rowN, r3h, 16);
    }
    if (j < n) gemmTail4(a0, rowA, w, bias, c0, rowN, k, j);
  }
}

/** The last 4 columns (from `j`) of 4 rows of `gemm`. */
function gemmTail4(
  a0: usize,
  rowA: usize,
  w: usize,
  bias: usize,
  c0: usize,
  rowN: usize,
  k: i32,
  j: i32,
): void {
  const off = (<usize>j) << 2;
  const init = bias != 0 ? v128.load(bias + off) : f32x4.splat(0);
  let r0 = init;
  let r1 = init;
  let r2 = init;
  let r3 = init;
  let wp = w + off;
  for (let p = 0; p < k; p++) {
    const q = (<usize>p) << 2;
    const wv = v128.load(wp);
    r0 = f32x4.add(r0, f32x4.mul(f32x4.splat(load<f32>(a0 + q)), wv));
    r1 = f32x4.add(r1, f32x4.mul(f32x4.splat(load<f32>(a0 + rowA + q)), wv));
    r2 = f32x4.add(r2, f32x4.mul(f32x4.splat(load<f32>(a0 + 2 * rowA + q)), wv));
    r3 = f32x4.add(r3, f32x4.mul(f32x4.splat(load<f32>(a0 + 3 * rowA + q)), wv));
    wp += rowN;
  }
  const out = c0 + off;
  v128.store(out, r0);
  v128.store(out + rowN, r1);
  v128.store(out + 2 * rowN, r2);
  v128.store(out + 3 * rowN, r3);
}

/**
 * gw[k×n] = aᵀ · dz (a: m×k, dz: m×n) and gb[n] = the column sums of dz: the gradients of a dense
 * layer's kernel and bias. Blocks of 4 kernel rows × 8 columns, rows of the batch in order.
 */
export function gradWeights(a: usize, dz: usize, gw: usize, gb: usize, m: i32, k: i32, n: i32): void {
  const rowA = (<usize>k) << 2;
  const rowN = (<usize>n) << 2;
  for (let p = 0; p < k; p += 4) {
    const q = (<usize>p) << 2;
    let j = 0;
    for (; j + 8 <= n; j += 8) {
      const off = (<usize>j) << 2;
      let r0l = f32x4.splat(0);
      let r0h = r0l;
      let r1l = r0l;
      let r1h = r0l;
      let r2l = r0l;
      let r2h = r0l;
      let r3l = r0l;
      let r3h = r0l;
      let ap = a + q;
      let dp = dz + off;
      for (let i = 0; i < m; i++) {
        const x = v128.load(ap);
        const dl = v128.load(dp);
        const dh = v128.load(dp, 16);
        let s = splat0(x);
        r0l = f32x4.add(r0l, f32x4.mul(s, dl));
        r0h = f32x4.add(r0h, f32x4.mul(s, dh));
        s = splat1(x);
        r1l = f32x4.add(r1l, f32x4.mul(s, dl));
        r1h = f32x4.add(r1h, f32x4.mul(s, dh));
        s = splat2(x);
        r2l = f32x4.add(r2l, f32x4.mul(s, dl));
        r2h = f32x4.add(r2h, f32x4.mul(s, dh));
        s = splat3(x);
        r3l = f32x4.add(r3l, f32x4.mul(s, dl));
        r3h = f32x4.add(r3h, f32x4.mul(s, dh));
        ap += rowA;
        dp += rowN;
      }
      const out = gw + <usize>p * rowN + off;
      v128.store(out, r0l);
      v128.store(out, r0h, 16);
      v128.store(out + rowN, r1l);
      v128.store(out + rowN, r1h, 16);
      v128.store(out + 2 * rowN, r2l);
      v128.store(out + 2 * rowN, r2h, 16);
      v128.store(out + 3 * rowN, r3l);
      v128.store(out + 3 * rowN, r3h, 16);
    }
    if (j < n) gradWeightsTail4(a + q, rowA, dz, gw + <usize>p * rowN, rowN, m, j);
  }
  columnSums(dz, gb, m, n);
}

function gradWeightsTail4(
  a: usize,
  rowA: usize,
  dz: usize,
  gw: usize,
  rowN: usize,
  m: i32,
  j: i32,
): void {
  const off = (<usize>j) << 2;
  let r0 = f32x4.splat(0);
  let r1 = r0;
  let r2 = r0;
  let r3 = r0;
  let ap = a;
  let dp = dz + off;
  for (let i = 0; i < m; i++) {
    const x = v128.load(ap);
    const d = v128.load(dp);
    r0 = f32x4.add(r0, f32x4.mul(splat0(x), d));
    r1 = f32x4.add(r1, f32x4.mul(splat1(x), d));
    r2 = f32x4.add(r2, f32x4.mul(splat2(x), d));
    r3 = f32x4.add(r3, f32x4.mul(splat3(x), d));
    ap += rowA;
    dp += rowN;
  }
  const out = gw + off;
  v128.store(out, r0);
  v128.store(out + rowN, r1);
  v128.store(out + 2 * rowN, r2);
  v128.store(out + 3 * rowN, r3);
}

/** out[n] = Σ over the m rows of x[m×n]. */
function columnSums(x: usize, out: usize, m: i32, n: i32): void {
  const rowN = (<usize>n) << 2;
  for (let j = 0; j < n; j += 4) {
    const off = (<usize>j) << 2;
    let acc = f32x4.splat(0);
    let p = x + off;
    for (let i = 0; i < m; i++) {
      acc = f32x4.add(acc, v128.load(p));
      p += rowN;
    }
    v128.store(out + off, acc);
  }
}

/** wt[n×k] = w[k×n]ᵀ. */
export function transpose(w: usize, wt: usize, k: i32, n: i32): void {
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < n; j++) {
      store<f32>(wt + ((<usize>(j * k + p)) << 2), load<f32>(w + ((<usize>(p * n + j)) << 2)));
    }
  }
}

/** Applies the activation `act` in place to `count` values (a multiple of 4). */
export function activate(x: usize, count: i32, act: i32): void {
  const end = x + ((<usize>count) << 2);
  if (act == RELU) {
    const zero = f32x4.splat(0);
    for (let p = x; p < end; p += 16) v128.store(p, f32x4.max(v128.load(p), zero));
  } else if (act == TANH) {
    for (let p = x; p < end; p += 4) store<f32>(p, Mathf.tanh(load<f32>(p)));
  } else if (act == ELU) {
    for (let p = x; p < end; p += 4) {
      const z = load<f32>(p);
      if (z <= 0) store<f32>(p, Mathf.expm1(z));
    }
  } else if (act == SIGMOID) {
    for (let p = x; p < end; p += 4) store<f32>(p, sigmoid(load<f32>(p)));
  }
}

@inline
function sigmoid(z: f32): f32 {
  return <f32>1 / (<f32>1 + Mathf.exp(-z));
}

/**
 * d[i] *= act'(h[i]) for `count` values, the derivative written in terms of the activation's
 * output h: relu → h > 0, tanh → 1 − h², elu → h + 1 where h ≤ 0, else 1.
 */
export function activationGrad(d: usize, h: usize, count: i32, act: i32): void {
  const bytes = (<usize>count) << 2;
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  for (let o: usize = 0; o < bytes; o += 16) {
    const hv = v128.load(h + o);
    const dv = v128.load(d + o);
    let g: v128;
    if (act == RELU) g = v128.and(dv, f32x4.gt(hv, zero));
    else if (act == TANH) g = f32x4.mul(dv, f32x4.sub(one, f32x4.mul(hv, hv)));
    else if (act == ELU) g = f32x4.mul(dv, f32x4.add(f32x4.min(hv, zero), one));
    else g = dv;
    v128.store(d + o, g);
  }
}

/**
 * The summed loss over the first `rows` rows of the network's output column 0 (z: m×n) against
 * y, and into dz (m×n, zeroed first) the gradient of the batch-mean loss: regression squared error,
 * dz = scale·(z − y) with scale = 2 / batch rows; classification binary cross-entropy on the logit,
 * max(z, 0) − z·y + log(1 + exp(−|z|)), dz = scale·(sigmoid(z) − y) with scale = 1 / batch rows.
 */
export function outputGrad(
  z: usize,
  y: usize,
  dz: usize,
  m: i32,
  n: i32,
  rows: i32,
  task: i32,
  scale: f32,
): f64 {
  memory.fill(dz, 0, (<usize>(m * n)) << 2);
  const rowN = (<usize>n) << 2;
  let sum: f64 = 0;
  for (let i = 0; i < rows; i++) {
    const zi = load<f32>(z + <usize>i * rowN);
    const yi = load<f32>(y + ((<usize>i) << 2));
    if (task == REGRESSION) {
      const diff = zi - yi;
      sum += <f64>(diff * diff);
      store<f32>(dz + <usize>i * rowN, diff * scale);
    } else {
      const loss = Mathf.max(zi, 0) - zi * yi + Mathf.log1p(Mathf.exp(-Mathf.abs(zi)));
      sum += <f64>loss;
      store<f32>(dz + <usize>i * rowN, (sigmoid(zi) - yi) * scale);
    }
  }
  return sum;
}

/** The summed loss of output column 0 of z (m×n) over `rows` rows, as `outputGrad` without gradients. */
export function lossSum(z: usize, y: usize, n: i32, rows: i32, task: i32): f64 {
  const rowN = (<usize>n) << 2;
  let sum: f64 = 0;
  for (let i = 0; i < rows; i++) {
    const zi = load<f32>(z + <usize>i * rowN);
    const yi = load<f32>(y + ((<usize>i) << 2));
    if (task == REGRESSION) {
      const diff = zi - yi;
      sum += <f64>(diff * diff);
    } else {
      sum += <f64>(Mathf.max(zi, 0) - zi * yi + Mathf.log1p(Mathf.exp(-Mathf.abs(zi))));
    }
  }
  return sum;
}

/** dst[i] += src[i] for `count` values (a multiple of 4). */
export function addInto(dst: usize, src: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  for (let o: usize = 0; o < bytes; o += 16) {
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
}

/**
 * One Adam step over `count` parameters, as TF.js' `tf.train.adam` and flat-optimizer.ts:
 * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − (c1·m) / (√(c2·v) + ε), where the caller
 * passes 1 − β1, 1 − β2 (rounded once from double precision, as TF.js' scalars are),
 * c1 = lr / (1 − β1ᵗ) and c2 = 1 / (1 − β2ᵗ).
 */
export function adamStep(
  theta: usize,
  grad: usize,
  m: usize,
  v: usize,
  count: i32,
  beta1: f32,
  beta2: f32,
  oneMinusBeta1: f32,
  oneMinusBeta2: f32,
  c1: f32,
  c2: f32,
  epsilon: f32,
): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const o1 = f32x4.splat(oneMinusBeta1);
  const o2 = f32x4.splat(oneMinusBeta2);
  const k1 = f32x4.splat(c1);
  const k2 = f32x4.splat(c2);
  const eps = f32x4.splat(epsilon);
  const bytes = (<usize>count) << 2;
  for (let o: usize = 0; o < bytes; o += 16) {
    const g = v128.load(grad + o);
    const mv = f32x4.add(f32x4.mul(v128.load(m + o), b1), f32x4.mul(g, o1));
    const vv = f32x4.add(f32x4.mul(v128.load(v + o), b2), f32x4.mul(f32x4.mul(g, g), o2));
    const mHat = f32x4.mul(mv, k1);
    const vHat = f32x4.mul(vv, k2);
    const step = f32x4.div(mHat, f32x4.add(f32x4.sqrt(vHat), eps));
    v128.store(theta + o, f32x4.sub(v128.load(theta + o), step));
    v128.store(m + o, mv);
    v128.store(v + o, vv);
  }
}

/** Plain SGD: θ ← θ − lr·g over `count` parameters. */
export function sgdStep(theta: usize, grad: usize, count: i32, lr: f32): void {
  const rate = f32x4.splat(lr);
  const bytes = (<usize>count) << 2;
  for (let o: usize = 0; o < bytes; o += 16) {
    v128.store(theta + o, f32x4.sub(v128.load(theta + o), f32x4.mul(v128.load(grad + o), rate)));
  }
}

/** The first byte after the module's static data: callers place their buffers from here on. */
export function heapBase(): usize {
  return __heap_base;
}
