/**
 * The {@link io.distillery.api.run.Benchmarks} service: the training workloads of the PyTorch reference
 * benchmark ({@code ../shared/bench/throughput_torch.py}: {@code mlp}, {@code kd}, {@code lenet}, {@code conv32})
 * built from the API's layers, losses and optimizers, and matrix products straight through the current backend
 * ({@code gemm}), measured the way that script measures: a warm-up, a timed window of whole steps, the CPU used
 * by this process and by others, and retries while another process disturbs a window.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package io.distillery.bench;
