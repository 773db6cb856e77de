# swish: ns/element at 64K elements against max ULP (gnuplot swish.gp)
$kernels << EOD
0.558191 0.732577 "swish.u1.avx2"
0.559275 0.37465 "swish.u1.avx512"
0.718049 11.7874 "swish.u1.scalar"
0.718049 2.66864 "swish.u1.sse41"
1.95162 0.275335 "swish.u4.avx512"
2.3328 0.556652 "swish.u4.avx2"
2.48396 11.1964 "swish.u4.scalar"
2.60233 2.77309 "swish.u4.sse41"
1607.21 0.328371 "swish.approx.avx2"
1646.86 0.143745 "swish.approx.avx512"
1750.9 1.29384 "swish.approx.sse41"
1751.87 5.8251 "swish.approx.scalar"
EOD
$peers << EOD
1.04858e+06 3.65509 "swish.libm.scalar (non-finite)"
1.04858e+06 0.414593 "swish.sleef_u10.avx512 (non-finite)"
EOD
$front << EOD
0.558191 0.732577 "swish.u1.avx2"
0.559275 0.37465 "swish.u1.avx512"
1.95162 0.275335 "swish.u4.avx512"
1646.86 0.143745 "swish.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'swish: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
