package io.distillery.dataset.cifar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.distillery.api.data.DataSplits;
import io.distillery.api.data.DatasetProvider;
import io.distillery.data.support.DataFiles;
import io.distillery.data.support.Options;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code cifar10} data set format: the binary version of CIFAR-10 (Krizhevsky, "Learning multiple layers of
 * features from tiny images", 2009), 50,000 training and 10,000 test images of {@code [3, 32, 32]} in 10
 * classes, held as bytes. One of the bundle's two components, since each service carries one name.
 */
@Component(property = {DatasetProvider.NAME + "=cifar10",
        DatasetProvider.DESCRIPTION + "=CIFAR-10 binary batches (cifar-10-batches-bin): 32x32 colour images, 10 classes"})
public final class Cifar10Provider implements DatasetProvider {

    @Override
    public DataSplits open(Path location, Map<String, Object> options) throws IOException {
        Options.of(options, "dataset cifar10");
        return CifarReader.read(DataFiles.requireLocation(location, "dataset cifar10", CifarFormat.CIFAR10.expected()),
                CifarFormat.CIFAR10);
    }
}
