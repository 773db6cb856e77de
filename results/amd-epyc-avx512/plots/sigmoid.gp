# sigmoid: ns/element at 64K elements against max ULP (gnuplot sigmoid.gp)
$kernels << EOD
0.556756 0.663137 "sigmoid.u1.avx2"
0.567715 0.339479 "sigmoid.u1.avx512"
0.726095 8.25677 "sigmoid.u1.scalar"
0.726095 2.61691 "sigmoid.u1.sse41"
1.82602 0.35541 "sigmoid.u4.avx2"
2.14614 0.286092 "sigmoid.u4.avx512"
2.4719 8.49864 "sigmoid.u4.scalar"
2.71776 1.75379 "sigmoid.u4.sse41"
1375.65 0.221833 "sigmoid.approx.avx2"
1444.26 0.876903 "sigmoid.approx.sse41"
1445.26 6.06241 "sigmoid.approx.scalar"
1697.61 0.132041 "sigmoid.approx.avx512"
EOD
$peers << EOD
1.04858e+06 3.04311 "sigmoid.libm.scalar (off scale)"
1.04858e+06 0.461782 "sigmoid.sleef_u10.avx512 (off scale)"
EOD
$front << EOD
0.556756 0.663137 "sigmoid.u1.avx2"
0.567715 0.339479 "sigmoid.u1.avx512"
2.14614 0.286092 "sigmoid.u4.avx512"
1375.65 0.221833 "sigmoid.approx.avx2"
1697.61 0.132041 "sigmoid.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'sigmoid: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
