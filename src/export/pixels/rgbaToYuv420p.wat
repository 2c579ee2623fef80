;; RGBA -> yuv420p, eight pixels of a row pair at a time with 128-bit SIMD (then a last four or
;; two): the same fixed-point sums as rgbaToYuv420p.ts (its coefficients are handed in once by
;; `setCoefficients`), so both give the very same bytes. Built into rgbaToYuv420pWasm.generated.ts by
;; `node scripts/make-yuv-wasm.mjs`; a test fails when that file is older than this one.
(module
  (memory (export "memory") 1)

  (global $yr (mut i32) (i32.const 0))
  (global $yg (mut i32) (i32.const 0))
  (global $yb (mut i32) (i32.const 0))
  (global $yOffset (mut i32) (i32.const 0))
  (global $ur (mut i32) (i32.const 0))
  (global $ug (mut i32) (i32.const 0))
  (global $ub (mut i32) (i32.const 0))
  (global $vr (mut i32) (i32.const 0))
  (global $vg (mut i32) (i32.const 0))
  (global $vb (mut i32) (i32.const 0))
  (global $cOffset (mut i32) (i32.const 0))

  (func (export "setCoefficients")
    (param $yr i32) (param $yg i32) (param $yb i32) (param $yOffset i32)
    (param $ur i32) (param $ug i32) (param $ub i32)
    (param $vr i32) (param $vg i32) (param $vb i32) (param $cOffset i32)
    (global.set $yr (local.get $yr))
    (global.set $yg (local.get $yg))
    (global.set $yb (local.get $yb))
    (global.set $yOffset (local.get $yOffset))
    (global.set $ur (local.get $ur))
    (global.set $ug (local.get $ug))
    (global.set $ub (local.get $ub))
    (global.set $vr (local.get $vr))
    (global.set $vg (local.get $vg))
    (global.set $vb (local.get $vb))
    (global.set $cOffset (local.get $cOffset)))

  ;; Y of one pixel (scalar, for the last two columns of a width that is not a multiple of 4).
  (func $luma (param $p i32) (result i32)
    (i32.shr_u
      (i32.add
        (i32.add
          (i32.mul (global.get $yr) (i32.and (local.get $p) (i32.const 255)))
          (i32.mul (global.get $yg) (i32.and (i32.shr_u (local.get $p) (i32.const 8)) (i32.const 255))))
        (i32.add
          (i32.mul (global.get $yb) (i32.and (i32.shr_u (local.get $p) (i32.const 16)) (i32.const 255)))
          (global.get $yOffset)))
      (i32.const 16)))

  ;; Cb or Cr of a 2x2 block from its channel sums (scalar twin of the SIMD chroma below).
  (func $chroma (param $r i32) (param $g i32) (param $b i32) (param $kr i32) (param $kg i32) (param $kb i32) (result i32)
    (i32.shr_s
      (i32.add
        (i32.add (i32.mul (local.get $kr) (local.get $r)) (i32.mul (local.get $kg) (local.get $g)))
        (i32.add (i32.mul (local.get $kb) (local.get $b)) (global.get $cOffset)))
      (i32.const 18)))

  ;; Sum of one channel (at bit `shift`) of four pixels.
  (func $sum4 (param $a i32) (param $b i32) (param $c i32) (param $d i32) (param $shift i32) (result i32)
    (i32.add
      (i32.add
        (i32.and (i32.shr_u (local.get $a) (local.get $shift)) (i32.const 255))
        (i32.and (i32.shr_u (local.get $b) (local.get $shift)) (i32.const 255)))
      (i32.add
        (i32.and (i32.shr_u (local.get $c) (local.get $shift)) (i32.const 255))
        (i32.and (i32.shr_u (local.get $d) (local.get $shift)) (i32.const 255)))))

  ;; Rows $from (even) to $to (even, exclusive) of the RGBA frame at $rgba (width * 4 bytes a
  ;; row) into the planes at $yPlane, $uPlane and $vPlane (chroma rows are width / 2 bytes).
  (func (export "convertRows")
    (param $rgba i32) (param $width i32) (param $from i32) (param $to i32)
    (param $yPlane i32) (param $uPlane i32) (param $vPlane i32)
    (local $row i32) (local $src0 i32) (local $src1 i32) (local $dst0 i32) (local $dst1 i32)
    (local $c i32) (local $x i32) (local $quadEnd i32)
    (local $p0 v128) (local $p1 v128)
    (local $r0 v128) (local $g0 v128) (local $b0 v128)
    (local $r1 v128) (local $g1 v128) (local $b1 v128)
    (local $rs v128) (local $gs v128) (local $bs v128)
    (local $yr v128) (local $yg v128) (local $yb v128) (local $yOffset v128)
    (local $ur v128) (local $ug v128) (local $ub v128)
    (local $vr v128) (local $vg v128) (local $vb v128) (local $cOffset v128)
    (local $mask v128) (local $cu v128) (local $cv v128)
    (local $a i32) (local $b i32) (local $d i32) (local $e i32)
    (local $octetEnd i32) (local $q0 v128) (local $q1 v128)
    (local $rt v128) (local $gt v128) (local $bt v128)
    (local.set $yr (i32x4.splat (global.get $yr)))
    (local.set $yg (i32x4.splat (global.get $yg)))
    (local.set $yb (i32x4.splat (global.get $yb)))
    (local.set $yOffset (i32x4.splat (global.get $yOffset)))
    (local.set $ur (i32x4.splat (global.get $ur)))
    (local.set $ug (i32x4.splat (global.get $ug)))
    (local.set $ub (i32x4.splat (global.get $ub)))
    (local.set $vr (i32x4.splat (global.get $vr)))
    (local.set $vg (i32x4.splat (global.get $vg)))
    (local.set $vb (i32x4.splat (global.get $vb)))
    (local.set $cOffset (i32x4.splat (global.get $cOffset)))
    (local.set $mask (i32x4.splat (i32.const 255)))
    ;; Whole groups of four pixels; an even width leaves 0 or 2 pixels after them.
    (local.set $quadEnd (i32.and (local.get $width) (i32.const -4)))
    (local.set $row (local.get $from))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $to)))
        (local.set $src0 (i32.add (local.get $rgba) (i32.shl (i32.mul (local.get $row) (local.get $width)) (i32.const 2))))
        (local.set $src1 (i32.add (local.get $src0) (i32.shl (local.get $width) (i32.const 2))))
        (local.set $dst0 (i32.add (local.get $yPlane) (i32.mul (local.get $row) (local.get $width))))
        (local.set $dst1 (i32.add (local.get $dst0) (local.get $width)))
        (local.set $c (i32.mul (i32.shr_u (local.get $row) (i32.const 1)) (i32.shr_u (local.get $width) (i32.const 1))))
        (local.set $x (i32.const 0))
        ;; Eight pixels of each row at a time: the luma of two quads, and the four chroma samples
        ;; of their 2x2 blocks gathered into one vector, so each chroma product is worked out
        ;; once for four blocks instead of on two half-used vectors (about a quarter faster).
        (local.set $octetEnd (i32.and (local.get $width) (i32.const -8)))
        (block $octetsDone
          (loop $octets
            (br_if $octetsDone (i32.ge_u (local.get $x) (local.get $octetEnd)))
            (local.set $p0 (v128.load (i32.add (local.get $src0) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $p1 (v128.load (i32.add (local.get $src1) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $q0 (v128.load offset=16 (i32.add (local.get $src0) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $q1 (v128.load offset=16 (i32.add (local.get $src1) (i32.shl (local.get $x) (i32.const 2)))))
            ;; The first quad of each row.
            (local.set $r0 (v128.and (local.get $p0) (local.get $mask)))
            (local.set $g0 (v128.and (i32x4.shr_u (local.get $p0) (i32.const 8)) (local.get $mask)))
            (local.set $b0 (v128.and (i32x4.shr_u (local.get $p0) (i32.const 16)) (local.get $mask)))
            (local.set $r1 (v128.and (local.get $p1) (local.get $mask)))
            (local.set $g1 (v128.and (i32x4.shr_u (local.get $p1) (i32.const 8)) (local.get $mask)))
            (local.set $b1 (v128.and (i32x4.shr_u (local.get $p1) (i32.const 16)) (local.get $mask)))
            (v128.store32_lane 0 (i32.add (local.get $dst0) (local.get $x))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.shr_u
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $yr) (local.get $r0)) (i32x4.mul (local.get $yg) (local.get $g0)))
                      (i32x4.add (i32x4.mul (local.get $yb) (local.get $b0)) (local.get $yOffset)))
                    (i32.const 16))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            (v128.store32_lane 0 (i32.add (local.get $dst1) (local.get $x))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.shr_u
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $yr) (local.get $r1)) (i32x4.mul (local.get $yg) (local.get $g1)))
                      (i32x4.add (i32x4.mul (local.get $yb) (local.get $b1)) (local.get $yOffset)))
                    (i32.const 16))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            ;; Its block sums (lanes 0 and 2), kept aside.
            (local.set $rt (i32x4.add (local.get $r0) (local.get $r1)))
            (local.set $gt (i32x4.add (local.get $g0) (local.get $g1)))
            (local.set $bt (i32x4.add (local.get $b0) (local.get $b1)))
            (local.set $rt (i32x4.add (local.get $rt)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $rt) (local.get $rt))))
            (local.set $gt (i32x4.add (local.get $gt)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $gt) (local.get $gt))))
            (local.set $bt (i32x4.add (local.get $bt)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $bt) (local.get $bt))))
            ;; The second quad of each row.
            (local.set $r0 (v128.and (local.get $q0) (local.get $mask)))
            (local.set $g0 (v128.and (i32x4.shr_u (local.get $q0) (i32.const 8)) (local.get $mask)))
            (local.set $b0 (v128.and (i32x4.shr_u (local.get $q0) (i32.const 16)) (local.get $mask)))
            (local.set $r1 (v128.and (local.get $q1) (local.get $mask)))
            (local.set $g1 (v128.and (i32x4.shr_u (local.get $q1) (i32.const 8)) (local.get $mask)))
            (local.set $b1 (v128.and (i32x4.shr_u (local.get $q1) (i32.const 16)) (local.get $mask)))
            (v128.store32_lane offset=4 0 (i32.add (local.get $dst0) (local.get $x))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.shr_u
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $yr) (local.get $r0)) (i32x4.mul (local.get $yg) (local.get $g0)))
                      (i32x4.add (i32x4.mul (local.get $yb) (local.get $b0)) (local.get $yOffset)))
                    (i32.const 16))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            (v128.store32_lane offset=4 0 (i32.add (local.get $dst1) (local.get $x))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.shr_u
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $yr) (local.get $r1)) (i32x4.mul (local.get $yg) (local.get $g1)))
                      (i32x4.add (i32x4.mul (local.get $yb) (local.get $b1)) (local.get $yOffset)))
                    (i32.const 16))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            (local.set $rs (i32x4.add (local.get $r0) (local.get $r1)))
            (local.set $gs (i32x4.add (local.get $g0) (local.get $g1)))
            (local.set $bs (i32x4.add (local.get $b0) (local.get $b1)))
            (local.set $rs (i32x4.add (local.get $rs)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $rs) (local.get $rs))))
            (local.set $gs (i32x4.add (local.get $gs)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $gs) (local.get $gs))))
            (local.set $bs (i32x4.add (local.get $bs)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $bs) (local.get $bs))))
            ;; The four blocks' sums in one vector: lanes 0 and 2 of each quad.
            (local.set $rs (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $rt) (local.get $rs)))
            (local.set $gs (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $gt) (local.get $gs)))
            (local.set $bs (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $bt) (local.get $bs)))
            ;; Cb and Cr of the four blocks (all within 16..240), narrowed to bytes.
            (v128.store32_lane 0 (i32.add (local.get $uPlane) (local.get $c))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_s
                  (i32x4.shr_s
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $ur) (local.get $rs)) (i32x4.mul (local.get $ug) (local.get $gs)))
                      (i32x4.add (i32x4.mul (local.get $ub) (local.get $bs)) (local.get $cOffset)))
                    (i32.const 18))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            (v128.store32_lane 0 (i32.add (local.get $vPlane) (local.get $c))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_s
                  (i32x4.shr_s
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $vr) (local.get $rs)) (i32x4.mul (local.get $vg) (local.get $gs)))
                      (i32x4.add (i32x4.mul (local.get $vb) (local.get $bs)) (local.get $cOffset)))
                    (i32.const 18))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (local.set $x (i32.add (local.get $x) (i32.const 8)))
            (br $octets)))
        ;; A last quad when the width is 4 or 6 more than a multiple of 8.
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.ge_u (local.get $x) (local.get $quadEnd)))
            (local.set $p0 (v128.load (i32.add (local.get $src0) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $p1 (v128.load (i32.add (local.get $src1) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $r0 (v128.and (local.get $p0) (local.get $mask)))
            (local.set $g0 (v128.and (i32x4.shr_u (local.get $p0) (i32.const 8)) (local.get $mask)))
            (local.set $b0 (v128.and (i32x4.shr_u (local.get $p0) (i32.const 16)) (local.get $mask)))
            (local.set $r1 (v128.and (local.get $p1) (local.get $mask)))
            (local.set $g1 (v128.and (i32x4.shr_u (local.get $p1) (i32.const 8)) (local.get $mask)))
            (local.set $b1 (v128.and (i32x4.shr_u (local.get $p1) (i32.const 16)) (local.get $mask)))
            ;; Luma of the four pixels of each row, narrowed to bytes (all within 16..235).
            (v128.store32_lane 0 (i32.add (local.get $dst0) (local.get $x))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.shr_u
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $yr) (local.get $r0)) (i32x4.mul (local.get $yg) (local.get $g0)))
                      (i32x4.add (i32x4.mul (local.get $yb) (local.get $b0)) (local.get $yOffset)))
                    (i32.const 16))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            (v128.store32_lane 0 (i32.add (local.get $dst1) (local.get $x))
              (i8x16.narrow_i16x8_u
                (i16x8.narrow_i32x4_u
                  (i32x4.shr_u
                    (i32x4.add
                      (i32x4.add (i32x4.mul (local.get $yr) (local.get $r1)) (i32x4.mul (local.get $yg) (local.get $g1)))
                      (i32x4.add (i32x4.mul (local.get $yb) (local.get $b1)) (local.get $yOffset)))
                    (i32.const 16))
                  (v128.const i32x4 0 0 0 0))
                (v128.const i32x4 0 0 0 0)))
            ;; Column sums of the two rows, then each lane plus its neighbour: lanes 0 and 2 hold
            ;; the sums of the two 2x2 blocks.
            (local.set $rs (i32x4.add (local.get $r0) (local.get $r1)))
            (local.set $gs (i32x4.add (local.get $g0) (local.get $g1)))
            (local.set $bs (i32x4.add (local.get $b0) (local.get $b1)))
            (local.set $rs (i32x4.add (local.get $rs)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $rs) (local.get $rs))))
            (local.set $gs (i32x4.add (local.get $gs)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $gs) (local.get $gs))))
            (local.set $bs (i32x4.add (local.get $bs)
              (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $bs) (local.get $bs))))
            (local.set $cu
              (i32x4.shr_s
                (i32x4.add
                  (i32x4.add (i32x4.mul (local.get $ur) (local.get $rs)) (i32x4.mul (local.get $ug) (local.get $gs)))
                  (i32x4.add (i32x4.mul (local.get $ub) (local.get $bs)) (local.get $cOffset)))
                (i32.const 18)))
            (local.set $cv
              (i32x4.shr_s
                (i32x4.add
                  (i32x4.add (i32x4.mul (local.get $vr) (local.get $rs)) (i32x4.mul (local.get $vg) (local.get $gs)))
                  (i32x4.add (i32x4.mul (local.get $vb) (local.get $bs)) (local.get $cOffset)))
                (i32.const 18)))
            (i32.store8 (i32.add (local.get $uPlane) (local.get $c)) (i32x4.extract_lane 0 (local.get $cu)))
            (i32.store8 offset=1 (i32.add (local.get $uPlane) (local.get $c)) (i32x4.extract_lane 2 (local.get $cu)))
            (i32.store8 (i32.add (local.get $vPlane) (local.get $c)) (i32x4.extract_lane 0 (local.get $cv)))
            (i32.store8 offset=1 (i32.add (local.get $vPlane) (local.get $c)) (i32x4.extract_lane 2 (local.get $cv)))
            (local.set $c (i32.add (local.get $c) (i32.const 2)))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (br $quads)))
        ;; The last two columns, one 2x2 block, when the width is 2 more than a multiple of 4.
        (if (i32.lt_u (local.get $x) (local.get $width))
          (then
            (local.set $a (i32.load (i32.add (local.get $src0) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $b (i32.load offset=4 (i32.add (local.get $src0) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $d (i32.load (i32.add (local.get $src1) (i32.shl (local.get $x) (i32.const 2)))))
            (local.set $e (i32.load offset=4 (i32.add (local.get $src1) (i32.shl (local.get $x) (i32.const 2)))))
            (i32.store8 (i32.add (local.get $dst0) (local.get $x)) (call $luma (local.get $a)))
            (i32.store8 offset=1 (i32.add (local.get $dst0) (local.get $x)) (call $luma (local.get $b)))
            (i32.store8 (i32.add (local.get $dst1) (local.get $x)) (call $luma (local.get $d)))
            (i32.store8 offset=1 (i32.add (local.get $dst1) (local.get $x)) (call $luma (local.get $e)))
            (i32.store8 (i32.add (local.get $uPlane) (local.get $c))
              (call $chroma
                (call $sum4 (local.get $a) (local.get $b) (local.get $d) (local.get $e) (i32.const 0))
                (call $sum4 (local.get $a) (local.get $b) (local.get $d) (local.get $e) (i32.const 8))
                (call $sum4 (local.get $a) (local.get $b) (local.get $d) (local.get $e) (i32.const 16))
                (global.get $ur) (global.get $ug) (global.get $ub)))
            (i32.store8 (i32.add (local.get $vPlane) (local.get $c))
              (call $chroma
                (call $sum4 (local.get $a) (local.get $b) (local.get $d) (local.get $e) (i32.const 0))
                (call $sum4 (local.get $a) (local.get $b) (local.get $d) (local.get $e) (i32.const 8))
                (call $sum4 (local.get $a) (local.get $b) (local.get $d) (local.get $e) (i32.const 16))
                (global.get $vr) (global.get $vg) (global.get $vb)))))
        (local.set $row (i32.add (local.get $row) (i32.const 2)))
        (br $rows)))))
