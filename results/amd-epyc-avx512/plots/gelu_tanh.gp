# gelu_tanh: ns/element at 64K elements against max ULP (gnuplot gelu_tanh.gp)
$kernels << EOD
0.523773 11.3843 "gelu_tanh.u1.scalar"
0.523773 3.19507 "gelu_tanh.u1.sse41"
0.523773 1.95619 "gelu_tanh.u1.avx2"
0.523773 0.984106 "gelu_tanh.u1.avx512"
1861.44 0.645959 "gelu_tanh.approx.avx2"
1861.44 0.338804 "gelu_tanh.approx.avx512"
1908.44 9.33313 "gelu_tanh.approx.scalar"
1908.44 1.72414 "gelu_tanh.approx.sse41"
EOD
$peers << EOD
1.04858e+06 20.3583 "gelu_tanh.libm.scalar (non-finite)"
1.04858e+06 1.6867 "gelu_tanh.sleef_u10.avx512 (non-finite)"
1.04858e+06 0.726411 "gelu_tanh.sleef_u35.avx512 (non-finite)"
EOD
$front << EOD
0.523773 0.984106 "gelu_tanh.u1.avx512"
1861.44 0.338804 "gelu_tanh.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'gelu_tanh: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
