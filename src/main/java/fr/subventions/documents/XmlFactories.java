package fr.subventions.documents;

import java.util.ServiceLoader;
import java.util.function.Supplier;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Names, once, the XML factories that Apache POI and XmlBeans ask JAXP for on every document.
 *
 * <p>Why: XmlBeans calls {@code SAXParserFactory.newInstance()} each time it parses a part, and POI calls
 * {@code TransformerFactory.newInstance()} each time it saves one (content types, relationships). Without a system
 * property naming the implementation, each call makes JAXP's {@code FactoryFinder} run a {@link ServiceLoader} lookup
 * over every jar of the classpath before falling back to the JDK's own factory; a profile of the document benchmark
 * showed that lookup as a large share of each .docx produced. These two are the only factory lookups seen per
 * document (POI keeps its {@code DocumentBuilderFactory} in a static field).
 *
 * <p>The property is set only to the implementation the lookup picks anyway, and only when that is the JDK's default
 * one: if the operator set the property, or a jar (or {@code jaxp.properties}) provides another implementation,
 * nothing is changed. So the factories in use do not change; only the repeated lookup goes.
 */
final class XmlFactories {

    private static boolean installed;

    private XmlFactories() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        name(SAXParserFactory.class, SAXParserFactory::newInstance, SAXParserFactory::newDefaultInstance);
        name(TransformerFactory.class, TransformerFactory::newInstance, TransformerFactory::newDefaultInstance);
    }

    /** Sets the factory's system property to the JDK's default implementation if the lookup finds that one anyway. */
    private static void name(Class<?> factory, Supplier<Object> lookedUp, Supplier<Object> jdkDefault) {
        String property = factory.getName();
        if (System.getProperty(property) != null) {
            return;
        }
        String found = lookedUp.get().getClass().getName();
        if (found.equals(jdkDefault.get().getClass().getName())) {
            System.setProperty(property, found);
        }
    }
}
