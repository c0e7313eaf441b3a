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
 * The {@code cifar100} data set format: the binary version of CIFAR-100, whose records carry a coarse label (20
 * superclasses) and a fine one (100 classes); option {@code labels: fine} (the default) or {@code coarse} picks
 * which becomes the class.
 */
@Component(property = {DatasetProvider.NAME + "=cifar100", DatasetProvider.DESCRIPTION
        + "=CIFAR-100 binary files (cifar-100-binary): 32x32 colour images, labels: fine (100) or coarse (20)"})
public final class Cifar100Provider implements DatasetProvider {

    @Override
    public DataSplits open(Path location, Map<String, Object> options) throws IOException {
        String labels = Options.of(options, "dataset cifar100", "labels").choice("labels", "fine", "fine", "coarse");
        CifarFormat format = CifarFormat.cifar100(labels.equals("fine"));
        return CifarReader.read(DataFiles.requireLocation(location, "dataset cifar100", format.expected()), format);
    }
}
