# log_softmax: ns/element at 64K elements against max ULP (gnuplot log_softmax.gp)
$kernels << EOD
1.92191 6.61172 "log_softmax.u4.scalar"
1.92191 2.25797 "log_softmax.u4.sse41"
1.92191 0.839811 "log_softmax.u4.avx2"
1.92191 0.626971 "log_softmax.u4.avx512"
1709.49 5.51221 "log_softmax.approx.scalar"
1709.49 1.27956 "log_softmax.approx.sse41"
1709.49 0.761847 "log_softmax.approx.avx2"
1709.49 0.418908 "log_softmax.approx.avx512"
EOD
$peers << EOD
1.04858e+06 4.19716 "log_softmax.libm.scalar (non-finite)"
1.04858e+06 0.440563 "log_softmax.sleef_u10.avx512 (non-finite)"
EOD
$front << EOD
1.92191 0.626971 "log_softmax.u4.avx512"
1709.49 0.418908 "log_softmax.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'log_softmax: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
