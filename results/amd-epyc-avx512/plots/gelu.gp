# gelu: ns/element at 64K elements against max ULP (gnuplot gelu.gp)
$kernels << EOD
0.612871 16.4223 "gelu.u1.scalar"
0.612871 5.46991 "gelu.u1.sse41"
0.612871 1.91525 "gelu.u1.avx2"
0.612871 1.04157 "gelu.u1.avx512"
2202.46 0.816047 "gelu.approx.avx2"
2202.46 0.38417 "gelu.approx.avx512"
2203.55 1.92043 "gelu.approx.sse41"
2206.55 10.4356 "gelu.approx.scalar"
EOD
$peers << EOD
169.539 18.8161 "gelu.libm.scalar"
169.539 3.14842 "gelu.sleef_u10.avx512"
EOD
$front << EOD
0.612871 1.04157 "gelu.u1.avx512"
2202.46 0.38417 "gelu.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'gelu: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
