package dev.daybook.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathKindTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "docs/platforms/ascend_npu_best_practice.md, DOCS",
      "docs/advanced_features/speculative_decoding.ipynb, DOCS",
      "docs/Makefile, DOCS",
      "python/sglang/multimodal_gen/docs/cli.md, DOCS",
      "README.md, DOCS",
      "test/README.md, DOCS",
      ".github/workflows/pr-test.yml, CI",
      ".github/CI_PERMISSIONS.json, CI",
      "scripts/ci/cuda/ci_install_dependency.sh, CI",
      ".pre-commit-config.yaml, CI",
      "test/registered/sampling/test_penalty.py, TEST",
      "python/sglang/jit_kernel/tests/test_gptq_marlin.py, TEST",
      "python/sglang/test/kits/lm_eval_kit.py, TEST",
      "pkg/server_test.go, TEST",
      "web/app.spec.ts, TEST",
      "python/pyproject.toml, DEPENDENCY",
      "python/pyproject_npu.toml, DEPENDENCY",
      "requirements-dev.txt, DEPENDENCY",
      "Cargo.toml, DEPENDENCY",
      "frontend/package.json, DEPENDENCY",
      "go.mod, DEPENDENCY",
      "docker/rocm.Dockerfile, BUILD",
      "sgl-kernel/Dockerfile, BUILD",
      "sgl-kernel/build.sh, BUILD",
      "sgl-kernel/CMakeLists.txt, BUILD",
      "sgl-kernel/csrc/gemm/per_token_quant_fp8.cu, KERNEL",
      "python/sglang/jit_kernel/csrc/gemm/marlin/marlin_template.h, KERNEL",
      "python/sglang/jit_kernel/rope.py, KERNEL",
      "python/sglang/srt/layers/quantization/fp8_kernel.py, KERNEL",
      "python/sglang/multimodal_gen/runtime/layers/triton_ops.py, KERNEL",
      "python/sglang/srt/managers/scheduler.py, SOURCE",
      "python/sglang/srt/layers/moe/fused_moe_triton/configs/triton_3_5_1/E=161.json, SOURCE",
      "python/sglang/multimodal_gen/runtime/platforms/cuda.py, SOURCE",
  })
  void eachPathHasOneKind(String path, PathKind kind) {
    assertThat(PathKind.of(path)).isEqualTo(kind);
  }
}
