# softplus: ns/element at 64K elements against max ULP (gnuplot softplus.gp)
$kernels << EOD
0.726095 22.6247 "softplus.u1.scalar"
0.726095 6.80979 "softplus.u1.sse41"
0.726095 2.21841 "softplus.u1.avx2"
0.726095 1.32162 "softplus.u1.avx512"
2.33835 13.8704 "softplus.u4.scalar"
2.4103 1.0724 "softplus.u4.avx2"
2.4103 0.610779 "softplus.u4.avx512"
2.97616 3.39551 "softplus.u4.sse41"
1396.04 0.700041 "softplus.approx.avx2"
1444.26 1.99134 "softplus.approx.sse41"
1445.26 10.5507 "softplus.approx.scalar"
1870.93 0.395138 "softplus.approx.avx512"
EOD
$peers << EOD
1.46206 20.4105 "softplus.libm.scalar"
1.48926 1.38666 "softplus.sleef_u10.avx512"
EOD
$front << EOD
0.726095 1.32162 "softplus.u1.avx512"
2.4103 0.610779 "softplus.u4.avx512"
1870.93 0.395138 "softplus.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'softplus: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
