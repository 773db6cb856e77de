# mish: ns/element at 64K elements against max ULP (gnuplot mish.gp)
$kernels << EOD
0.723071 20.2562 "mish.u1.scalar"
0.723071 16.2097 "mish.u1.sse41"
0.723071 1.82375 "mish.u1.avx2"
0.723071 1.16986 "mish.u1.avx512"
2.43244 17.671 "mish.u4.scalar"
2.43244 10.1897 "mish.u4.sse41"
2.43244 0.943006 "mish.u4.avx2"
2.66335 0.543276 "mish.u4.avx512"
1759.09 1.3548 "mish.approx.sse41"
1760.92 6.08878 "mish.approx.scalar"
1760.92 0.467989 "mish.approx.avx2"
2392.09 0.261568 "mish.approx.avx512"
EOD
$peers << EOD
50.4843 36.3451 "mish.libm.scalar"
152.005 3.71956 "mish.sleef_u10.avx512"
152.005 2.25612 "mish.sleef_u35.avx512"
EOD
$front << EOD
0.723071 1.16986 "mish.u1.avx512"
2.43244 0.943006 "mish.u4.avx2"
2.66335 0.543276 "mish.u4.avx512"
1760.92 0.467989 "mish.approx.avx2"
2392.09 0.261568 "mish.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'mish: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
