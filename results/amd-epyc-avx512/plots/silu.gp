# silu: ns/element at 64K elements against max ULP (gnuplot silu.gp)
$kernels << EOD
0.558191 0.932441 "silu.u1.avx2"
0.559275 0.369465 "silu.u1.avx512"
0.718049 9.87071 "silu.u1.scalar"
0.718049 2.81123 "silu.u1.sse41"
1.95162 0.243463 "silu.u4.avx512"
2.3328 0.451391 "silu.u4.avx2"
2.48396 10.8905 "silu.u4.scalar"
2.60233 2.07931 "silu.u4.sse41"
1607.21 0.213129 "silu.approx.avx2"
1646.86 0.134871 "silu.approx.avx512"
1750.9 1.08379 "silu.approx.sse41"
1751.87 5.64967 "silu.approx.scalar"
EOD
$peers << EOD
1.04858e+06 3.5039 "silu.libm.scalar (non-finite)"
1.04858e+06 0.395044 "silu.sleef_u10.avx512 (non-finite)"
EOD
$front << EOD
0.558191 0.932441 "silu.u1.avx2"
0.559275 0.369465 "silu.u1.avx512"
1.95162 0.243463 "silu.u4.avx512"
1607.21 0.213129 "silu.approx.avx2"
1646.86 0.134871 "silu.approx.avx512"
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
