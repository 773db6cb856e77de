# tanh: ns/element at 64K elements against max ULP (gnuplot tanh.gp)
$kernels << EOD
0.573489 15.4839 "tanh.u1.scalar"
0.573489 8.92506 "tanh.u1.sse41"
0.579453 1.27555 "tanh.u1.avx2"
0.579453 0.704086 "tanh.u1.avx512"
2.44107 0.451541 "tanh.u4.avx2"
2.44107 0.322555 "tanh.u4.avx512"
2.98522 7.69379 "tanh.u4.scalar"
2.98522 1.9513 "tanh.u4.sse41"
388.563 4.10198 "tanh.approx.scalar"
389.369 1.18107 "tanh.approx.sse41"
1469.77 0.150252 "tanh.approx.avx2"
1813.53 0.117722 "tanh.approx.avx512"
EOD
$peers << EOD
1 1.49046 "tanh.sleef_u10.avx512"
1.99042 15.4545 "tanh.libm.scalar"
2.56529 0.529896 "tanh.sleef_u35.avx512"
EOD
$front << EOD
0.573489 8.92506 "tanh.u1.sse41"
0.579453 0.704086 "tanh.u1.avx512"
2.44107 0.322555 "tanh.u4.avx512"
1469.77 0.150252 "tanh.approx.avx2"
1813.53 0.117722 "tanh.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'tanh: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
