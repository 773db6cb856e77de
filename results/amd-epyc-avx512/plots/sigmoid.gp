# sigmoid: ns/element at 64K elements against max ULP (gnuplot sigmoid.gp)
$kernels << EOD
0.556756 0.571596 "sigmoid.u1.avx2"
0.567715 0.289676 "sigmoid.u1.avx512"
0.726095 8.15369 "sigmoid.u1.scalar"
0.726095 2.46102 "sigmoid.u1.sse41"
1.82602 0.342759 "sigmoid.u4.avx2"
2.14614 0.235296 "sigmoid.u4.avx512"
2.4719 8.57105 "sigmoid.u4.scalar"
2.71776 1.65383 "sigmoid.u4.sse41"
1228.25 0.147055 "sigmoid.approx.avx512"
1397.04 0.231557 "sigmoid.approx.avx2"
1444.26 0.840388 "sigmoid.approx.sse41"
1445.26 5.64431 "sigmoid.approx.scalar"
EOD
$peers << EOD
1.04858e+06 3.01182 "sigmoid.libm.scalar (off scale)"
1.04858e+06 0.378527 "sigmoid.sleef_u10.avx512 (off scale)"
EOD
$front << EOD
0.556756 0.571596 "sigmoid.u1.avx2"
0.567715 0.289676 "sigmoid.u1.avx512"
2.14614 0.235296 "sigmoid.u4.avx512"
1228.25 0.147055 "sigmoid.approx.avx512"
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
