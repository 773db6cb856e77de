# softplus: ns/element at 64K elements against max ULP (gnuplot softplus.gp)
$kernels << EOD
0.637207 1.25303 "softplus.u1.avx2"
0.637207 0.6493 "softplus.u1.avx512"
0.726095 21.1996 "softplus.u1.scalar"
0.726095 6.70787 "softplus.u1.sse41"
2.33835 13.5503 "softplus.u4.scalar"
2.4103 1.22532 "softplus.u4.avx2"
2.4103 0.559552 "softplus.u4.avx512"
2.97616 3.96324 "softplus.u4.sse41"
1396.04 0.634821 "softplus.approx.avx2"
1444.26 1.78744 "softplus.approx.sse41"
1445.26 6.95558 "softplus.approx.scalar"
1870.93 0.345178 "softplus.approx.avx512"
EOD
$peers << EOD
1.46206 19.0848 "softplus.libm.scalar"
1.48926 1.35877 "softplus.sleef_u10.avx512"
EOD
$front << EOD
0.637207 0.6493 "softplus.u1.avx512"
2.4103 0.559552 "softplus.u4.avx512"
1870.93 0.345178 "softplus.approx.avx512"
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
