package io.distillery.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.distillery.api.tensor.Shape;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parameter counts, against figures computed by hand from each architecture (per layer: weights, biases, and a
 * scale and shift per batch-norm channel) and against the figures the papers publish.
 */
class ParameterCountTest {
    private static final Shape CIFAR = Shape.of(3, 32, 32);
    private static final Shape MNIST = Shape.of(1, 28, 28);
    private final Zoo zoo = new Zoo();

    // 784*1200+1200 + 1200*1200+1200 + 1200*10+10, and the same for 800
    @ParameterizedTest(name = "mlp {0}: {1}")
    @CsvSource({"1200, 2395210", "800, 1276810"})
    void theHintonMlpsHaveExactlyTheirWeightsAndBiases(int hidden, long expected) {
        Map<String, Object> teacher = Map.of("hidden", List.of(hidden, hidden), "dropout", 0.5, "input_dropout", 0.2);
        assertEquals(expected, Zoo.parameters(zoo.create("mlp", teacher, MNIST, 10)));
    }

    // conv 1*6*25+6, conv 6*16*25+16, fc 16*4*4*120+120 (5*5 with padding), 120*84+84, 84*10+10
    @ParameterizedTest(name = "lenet5 padding {0}: {1}")
    @CsvSource({"0, 44426", "2, 61706"})
    void lenet5CountsMatchTheLayerTable(int padding, long expected) {
        assertEquals(expected, Zoo.parameters(zoo.create("lenet5", Map.of("padding", padding), MNIST, 10)));
    }

    /*
     * Option B ResNets, 3 stages of n blocks: stem 3*16*9 + 32; stage 1, n * (2*16*16*9 + 2*32); stage 2, a first
     * block 16*32*9 + 32*32*9 + 2*64 + 16*32 + 64 then (n-1) * (2*32*32*9 + 2*64); stage 3 likewise at 64; head
     * 64*10+10. That is 464 + 4672n + 14528 + 18560(n-1) + 57728 + 73984(n-1) + 650. The paper's option A
     * figures (0.27M, 0.85M, 1.7M) are 2,752 lower: the two projections with their batch norms.
     */
    @ParameterizedTest(name = "resnet-{0}: {1} (paper {2}M)")
    @CsvSource({"20, 272474, 0.27", "56, 855770, 0.85", "110, 1730714, 1.7"})
    void cifarResNetsMatchTheFormulaAndThePaper(int depth, long expected, double paperMillions) {
        long count = Zoo.parameters(zoo.create("resnet", Map.of("depth", depth), CIFAR, 10));
        assertEquals(expected, count);
        assertEquals(paperMillions, count / 1e6, paperMillions * 0.02);
    }

    /*
     * WRN-16-4: stem 432; stage 1 (16 -> 64) 47,264 + 73,984; stage 2 (64 -> 128) 229,760 + 295,424; stage 3
     * (128 -> 256) 918,272 + 1,180,672; final batch norm 512; head 2,570. WRN-40-2 likewise with 5 more blocks a
     * stage. The paper gives 2.7M, 2.2M and 36.5M.
     */
    @ParameterizedTest(name = "wrn-{0}-{1}: {2} (paper {3}M)")
    @CsvSource({"16, 4, 2748890, 2.7", "40, 2, 2243546, 2.2", "28, 10, 36479194, 36.5"})
    void wideResNetsMatchTheFormulaAndThePaper(int depth, int width, long expected, double paperMillions) {
        long count = Zoo.parameters(zoo.create("wrn", Map.of("depth", depth, "width", width), CIFAR, 10));
        assertEquals(expected, count);
        assertEquals(paperMillions, count / 1e6, paperMillions * 0.02);
    }

    /*
     * The KD literature's ResNet8x4 and ResNet32x4 for CIFAR-100 as Tian et al.'s CRD code builds them: stem 3*32*9
     * + 64; a first block of each stage that projects (32 -> 64: 57,728; 64 -> 128: 230,144; 128 -> 256: 919,040);
     * n-1 more blocks a stage of 73,984, 295,424 and 1,180,672; head 256*100+100. Their tables give 1.23M and 7.43M.
     */
    @ParameterizedTest(name = "resnet-{0} x4 stem 32: {1} (published {2}M)")
    @CsvSource({"8, 1233540, 1.23", "32, 7433860, 7.43"})
    void resNetX4MatchesTheDistillationLiterature(int depth, long expected, double publishedMillions) {
        long count = Zoo.parameters(zoo.create("resnet", Map.of("depth", depth, "width", 4, "stem", 32), CIFAR, 100));
        assertEquals(expected, count);
        assertEquals(publishedMillions, count / 1e6, 0.005);
    }

    /*
     * VGG-8: convolutions 3*64*9 + 64*128*9 + 128*256*9 + 256*512*9 + 512*512*9, batch norms 2*(64+128+256+512+512),
     * head 512*10+10. VGG-11 adds 256*256*9 + 512*512*9 + 512*512*9 and their batch norms; VGG-13 on top of that
     * 64*64*9 + 128*128*9.
     */
    @ParameterizedTest(name = "vgg-{0}: {1}")
    @CsvSource({"8, 3917386", "11, 9228362", "13, 9413066"})
    void vggCountsMatchTheLayerTable(int depth, long expected) {
        assertEquals(expected, Zoo.parameters(zoo.create("vgg-small", Map.of("depth", depth), CIFAR, 10)));
    }

    // conv 3*64*25+64, 64*128*25+128, 128*256*9+256, 256*256*9+256; dense 4096*512+512, 512*512+512, 512*10+10
    @ParameterizedTest(name = "alexnet-small: {0}")
    @CsvSource("3460490")
    void alexNetSmallMatchesItsDocumentedShape(long expected) {
        assertEquals(expected, Zoo.parameters(zoo.create("alexnet-small", Map.of(), CIFAR, 10)));
    }

    /*
     * The FitNets-sized student: convolutions 1*16*9+16, three of 16*16*9+16, 16*12*9+12, 12*12*9+12; three poolings
     * take 28 to 3, so fc1 reads 12*3*3 = 108 features: 108*150+150; head 150*10+10. The default: 1*32*9+32,
     * 32*64*9+64, and 64*7*7*10+10 after two poolings. A 5x5 kernel without padding: 1*8*25+8, 8*8*25+8 on 24x24 then
     * 20x20 pooled to 10x10.
     */
    static Stream<Arguments> convnets() {
        return Stream.of(
                Arguments.of(Map.of("channels", List.of(16, 16, 16, 16, 12, 12), "pool_after", List.of(2, 4, 6),
                        "hidden", List.of(150)), 28028),
                Arguments.of(Map.of(), 50186),
                Arguments.of(Map.of("channels", List.of(8, 8), "pool_after", List.of(2), "kernel", 5, "padding", 0), 9826));
    }

    @ParameterizedTest(name = "convnet {0}: {1}")
    @MethodSource("convnets")
    void convnetCountsMatchTheLayerTable(Map<String, Object> options, long expected) {
        assertEquals(expected, Zoo.parameters(zoo.create("convnet", options, MNIST, 10)));
    }
}
