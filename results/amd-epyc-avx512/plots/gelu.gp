# gelu: ns/element at 64K elements against max ULP (gnuplot gelu.gp)
$kernels << EOD
0.561503 13.6299 "gelu.u1.scalar"
0.561503 4.87189 "gelu.u1.sse41"
0.561503 1.92715 "gelu.u1.avx2"
0.561503 1.21883 "gelu.u1.avx512"
2202.46 0.588324 "gelu.approx.avx2"
2202.46 0.373341 "gelu.approx.avx512"
2203.55 1.87465 "gelu.approx.sse41"
2206.55 9.7513 "gelu.approx.scalar"
EOD
$peers << EOD
169.539 17.6017 "gelu.libm.scalar"
169.539 3.10001 "gelu.sleef_u10.avx512"
EOD
$front << EOD
0.561503 1.21883 "gelu.u1.avx512"
2202.46 0.373341 "gelu.approx.avx512"
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
