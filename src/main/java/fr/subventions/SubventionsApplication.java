package fr.subventions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SubventionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubventionsApplication.class, args);
    }
}
