# elu: ns/element at 64K elements against max ULP (gnuplot elu.gp)
$kernels << EOD
0.643359 9.94736 "elu.u1.scalar"
0.643359 9.44266 "elu.u1.sse41"
0.643359 0.68203 "elu.u1.avx2"
0.643359 0.511291 "elu.u1.avx512"
0.908103 0.323168 "elu.u4.avx2"
0.935097 6.00136 "elu.u4.scalar"
0.935097 1.42167 "elu.u4.sse41"
1.63762 0.202903 "elu.u4.avx512"
306.658 0.204171 "elu.approx.avx2"
306.711 4.09118 "elu.approx.scalar"
306.711 0.986551 "elu.approx.sse41"
2112 0.0995189 "elu.approx.avx512"
EOD
$peers << EOD
0.737782 8.82923 "elu.libm.scalar"
0.990575 1.24852 "elu.sleef_u10.avx512"
EOD
$front << EOD
0.643359 0.511291 "elu.u1.avx512"
0.908103 0.323168 "elu.u4.avx2"
1.63762 0.202903 "elu.u4.avx512"
2112 0.0995189 "elu.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'elu: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
