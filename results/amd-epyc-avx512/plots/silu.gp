# silu: ns/element at 64K elements against max ULP (gnuplot silu.gp)
$kernels << EOD
0.558191 0.866278 "silu.u1.avx2"
0.559275 0.47551 "silu.u1.avx512"
0.718049 9.81574 "silu.u1.scalar"
0.718049 2.66791 "silu.u1.sse41"
2.32605 0.658133 "silu.u4.avx2"
2.32605 0.410714 "silu.u4.avx512"
2.48396 11.0007 "silu.u4.scalar"
2.60233 2.09624 "silu.u4.sse41"
1750.9 0.94827 "silu.approx.sse41"
1751.87 6.27246 "silu.approx.scalar"
1756.51 0.327413 "silu.approx.avx2"
2382.18 0.207714 "silu.approx.avx512"
EOD
$peers << EOD
1.04858e+06 3.1173 "silu.libm.scalar (non-finite)"
1.04858e+06 0.391349 "silu.sleef_u10.avx512 (non-finite)"
EOD
$front << EOD
0.558191 0.866278 "silu.u1.avx2"
0.559275 0.47551 "silu.u1.avx512"
2.32605 0.410714 "silu.u4.avx512"
1756.51 0.327413 "silu.approx.avx2"
2382.18 0.207714 "silu.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'silu: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
