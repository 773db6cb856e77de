# softplus: ns/element at 64K elements against max ULP (gnuplot softplus.gp)
$kernels << EOD
0.637207 1.28255 "softplus.u1.avx2"
0.637207 0.679864 "softplus.u1.avx512"
0.726095 22.3926 "softplus.u1.scalar"
0.726095 7.57243 "softplus.u1.sse41"
2.33835 19.1486 "softplus.u4.scalar"
2.4103 1.24771 "softplus.u4.avx2"
2.4103 0.561418 "softplus.u4.avx512"
2.97616 4.06568 "softplus.u4.sse41"
1396.04 0.637859 "softplus.approx.avx2"
1444.26 1.83408 "softplus.approx.sse41"
1445.26 8.91196 "softplus.approx.scalar"
1870.93 0.356181 "softplus.approx.avx512"
EOD
$peers << EOD
1.46206 19.4119 "softplus.libm.scalar"
1.48926 1.41249 "softplus.sleef_u10.avx512"
EOD
$front << EOD
0.637207 0.679864 "softplus.u1.avx512"
2.4103 0.561418 "softplus.u4.avx512"
1870.93 0.356181 "softplus.approx.avx512"
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
