# relu: ns/element at 64K elements against max ULP (gnuplot relu.gp)
$kernels << EOD
0.01 3.18624 "relu.exact.scalar"
0.01 0.117956 "relu.exact.sse41"
0.01 0.0725811 "relu.exact.avx2"
0.01 0.0727487 "relu.exact.avx512"
EOD
$peers << EOD
0.01 2.78537 "relu.libm.scalar"
EOD
$front << EOD
0.01 0.0725811 "relu.exact.avx2"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'relu: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
