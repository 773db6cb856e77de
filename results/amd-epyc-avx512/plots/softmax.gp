# softmax: ns/element at 64K elements against max ULP (gnuplot softmax.gp)
$kernels << EOD
2.32344 0.786676 "softmax.u4.avx2"
2.32344 0.54681 "softmax.u4.avx512"
2.5924 6.56604 "softmax.u4.scalar"
2.5924 2.11554 "softmax.u4.sse41"
2245.24 3.92587 "softmax.approx.scalar"
2245.24 1.2695 "softmax.approx.sse41"
2266.39 0.500611 "softmax.approx.avx2"
2266.39 0.374371 "softmax.approx.avx512"
EOD
$peers << EOD
65.8977 0.461572 "softmax.sleef_u10.avx512"
331.086 7.31688 "softmax.libm.scalar"
1.04858e+06 0.340931 "softmax.sleef_exp_scale.avx512 (non-finite)"
EOD
$front << EOD
2.32344 0.54681 "softmax.u4.avx512"
2266.39 0.374371 "softmax.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'softmax: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
