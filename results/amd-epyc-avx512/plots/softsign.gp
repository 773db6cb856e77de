# softsign: ns/element at 64K elements against max ULP (gnuplot softsign.gp)
$kernels << EOD
0.499993 2.30127 "softsign.u1.scalar"
0.499993 0.723987 "softsign.u1.sse41"
0.499993 0.228872 "softsign.u1.avx2"
0.536272 0.135971 "softsign.u1.avx512"
1.46104 1.08973 "softsign.u4.scalar"
1.46104 1.64053 "softsign.approx.scalar"
1.46104 0.231433 "softsign.u4.sse41"
1.46104 0.211847 "softsign.approx.sse41"
1.46104 0.109778 "softsign.u4.avx2"
1.46104 0.109221 "softsign.approx.avx2"
1.46104 0.105337 "softsign.u4.avx512"
889.855 0.0823893 "softsign.approx.avx512"
EOD
$peers << EOD
1.46104 0.830031 "softsign.libm.scalar"
EOD
$front << EOD
0.499993 0.228872 "softsign.u1.avx2"
0.536272 0.135971 "softsign.u1.avx512"
1.46104 0.105337 "softsign.u4.avx512"
889.855 0.0823893 "softsign.approx.avx512"
EOD
set logscale xy
set xlabel 'max ULP (0 drawn at 0.01; above 1048576 or non-finite drawn at 1048576)'
set ylabel 'ns/element at 64K elements'
set title 'softsign: speed against accuracy (amd-epyc-avx512)'
set grid
set key outside right top
set offsets graph 0.05, graph 0.05, graph 0.1, graph 0.1
plot $front using 1:2 with linespoints lw 2 pt 6 ps 2.4 lc rgb '#d62728' title 'Pareto front', \
     $kernels using 1:2 with points pt 7 ps 1.2 lc rgb '#1f77b4' title 'simdact', \
     $kernels using 1:2:3 with labels offset 0.8,0.6 left font ',7' notitle, \
     $peers using 1:2 with points pt 5 ps 1.2 lc rgb '#ff7f0e' title 'peers', \
     $peers using 1:2:3 with labels offset 0.8,-0.6 left font ',7' notitle
