# selu: ns/element at 64K elements against max ULP (gnuplot selu.gp)
$kernels << EOD
0.628342 0.789424 "selu.u1.avx2"
0.628342 0.507668 "selu.u1.avx512"
0.749938 11.7565 "selu.u1.scalar"
0.749938 11.503 "selu.u1.sse41"
1.77176 0.375795 "selu.u4.avx2"
1.77176 0.263397 "selu.u4.avx512"
1.80818 7.84582 "selu.u4.scalar"
1.80818 1.16354 "selu.u4.sse41"
269.759 5.94105 "selu.approx.scalar"
269.759 0.816207 "selu.approx.sse41"
269.777 0.254978 "selu.approx.avx2"
269.777 0.178006 "selu.approx.avx512"
EOD
$peers << EOD
1.87696 8.0853 "selu.libm.scalar"
1.89391 1.23316 "selu.sleef_u10.avx512"
EOD
$front << EOD
0.628342 0.507668 "selu.u1.avx512"
1.77176 0.263397 "selu.u4.avx512"
269.777 0.178006 "selu.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'selu: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
