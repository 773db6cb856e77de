# selu: ns/element at 64K elements against max ULP (gnuplot selu.gp)
$kernels << EOD
0.628342 0.782855 "selu.u1.avx2"
0.628342 0.530121 "selu.u1.avx512"
0.749938 13.2532 "selu.u1.scalar"
0.749938 12.6337 "selu.u1.sse41"
1.77176 0.447085 "selu.u4.avx2"
1.77684 0.227059 "selu.u4.avx512"
1.80818 6.09769 "selu.u4.scalar"
1.80818 1.16538 "selu.u4.sse41"
269.759 4.7087 "selu.approx.scalar"
269.759 1.07247 "selu.approx.sse41"
269.777 0.296873 "selu.approx.avx2"
2113.12 0.136626 "selu.approx.avx512"
EOD
$peers << EOD
1.87696 8.44346 "selu.libm.scalar"
1.89391 1.33573 "selu.sleef_u10.avx512"
EOD
$front << EOD
0.628342 0.530121 "selu.u1.avx512"
1.77176 0.447085 "selu.u4.avx2"
1.77684 0.227059 "selu.u4.avx512"
2113.12 0.136626 "selu.approx.avx512"
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
